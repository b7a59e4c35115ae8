package io.orgshell.session;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The shell's one session: empty until {@code connect}, closed by {@code disconnect} or at exit. */
@Component
public class Session implements AutoCloseable {

    private final ApplicationEventPublisher events;
    private volatile Connection connection;

    public Session(ApplicationEventPublisher events) {
        this.events = events;
    }

    public Optional<Connection> current() {
        return Optional.ofNullable(connection);
    }

    public boolean isOpen() {
        return connection != null;
    }

    /** The open connection; commands that need one are unavailable until then, so this rarely throws. */
    public Connection require() {
        Connection c = connection;
        if (c == null) {
            throw new NoSessionException();
        }
        return c;
    }

    public synchronized void open(Connection next) {
        close();
        this.connection = next;
        events.publishEvent(new ConnectionChanged(next));
    }

    /** {@code disconnect}: closes the connection and tells whoever kept something learnt through it. */
    public synchronized void disconnect() {
        if (connection != null) {
            close();
            events.publishEvent(new ConnectionChanged(null));
        }
    }

    /** At exit too, when nobody is left to tell. */
    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    public static class NoSessionException extends UserFacingException {
        public NoSessionException() {
            super("no organization is connected (run 'connect' first)", ExitCodes.UNAVAILABLE);
        }
    }
}

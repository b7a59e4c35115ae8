package io.orgshell.shell;

import io.orgshell.api.ApiConnectionException;
import io.orgshell.api.ApiException;
import io.orgshell.api.V2UnavailableException;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.MissingFile;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UserFacingException;
import io.orgshell.directory.RefusedValueException;
import io.orgshell.run.SafetyLimitException;
import io.orgshell.run.WriterBusyException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.springframework.core.convert.ConversionException;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandNotFoundException;

/**
 * The one place where an exception becomes what the user sees: a short message and an exit code. Stack traces are
 * for {@code --debug} only.
 */
public final class ErrorTranslator {

    public record Failure(int exitCode, String message) {}

    private ErrorTranslator() {}

    /**
     * Every message is sanitised here, once: error codes, titles and file names come from the server or a file.
     * Line by line: a message that lists a file's problems keeps one per line.
     */
    public static Failure translate(Throwable thrown) {
        Failure f = describe(unwrap(thrown));
        String message = f.message() == null ? "" : f.message();
        return new Failure(
                f.exitCode(),
                Arrays.stream(message.split("\n", -1))
                        .map(Sanitizer::forTerminal)
                        .collect(Collectors.joining("\n")));
    }

    private static Failure describe(Throwable e) {
        if (e instanceof CommandNotFoundException nf) {
            return new Failure(
                    ExitCodes.USAGE, "unknown command '" + nf.getCommandName() + "' (type 'help' for the list)");
        }
        if (e instanceof ConversionException) {
            Throwable root = rootCause(e);
            return new Failure(ExitCodes.USAGE, "invalid value: " + root.getMessage());
        }
        if (e instanceof ApiConnectionException c) {
            return new Failure(ExitCodes.UNREACHABLE, c.getMessage() + " (" + c.request() + ")");
        }
        if (e instanceof ApiException api) {
            return translateApi(api);
        }
        if (e instanceof UserFacingException u) {
            return new Failure(u.exitCode(), message(u));
        }
        if (e instanceof NoSuchFileException f) {
            return new Failure(
                    ExitCodes.FAILED, f.getFile() == null ? "no such file" : MissingFile.message(Path.of(f.getFile())));
        }
        if (e instanceof AccessDeniedException f) {
            return new Failure(ExitCodes.FAILED, "permission denied: " + f.getFile());
        }
        if (e instanceof InterruptedException) {
            return new Failure(ExitCodes.INTERRUPTED, "interrupted");
        }
        String what = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        // anything else, an IllegalArgumentException included, is a fault of ours: what the user did is not wrong
        return new Failure(ExitCodes.INTERNAL, "internal error: " + what + " (run with --debug for details)");
    }

    /**
     * A service's message, with the options and commands it is about named as the user types them: services word
     * what is wrong, and leave the command line's vocabulary to the front end.
     */
    public static String message(UserFacingException e) {
        if (e instanceof RefusedValueException r) {
            return switch (r.part()) {
                        case DOMAIN -> "--domain: ";
                        case GROUP -> "--group: ";
                        case TARGET_GROUP -> "";
                        case FROM_DOMAIN -> "--from-domain: ";
                        case TO_DOMAIN -> "--to-domain: ";
                        case PRODUCT, POLICY -> "";
                    }
                    + r.getMessage()
                    + (r.isDomain()
                            ? " (see 'domains list --all')"
                            : r.part() == RefusedValueException.Part.PRODUCT
                                    ? " (see 'products list')"
                                    : r.part() == RefusedValueException.Part.POLICY ? " (see 'policies list')" : "");
        }
        if (e instanceof WriterBusyException w) {
            return w.orgName() + " is being written to by " + w.holder()
                    + "; nothing was sent (try again when it ends, or add --wait)";
        }
        if (e instanceof SafetyLimitException s) {
            return "refusing to " + s.breach() + "; run with --override-limit if that is really meant";
        }
        return e.getMessage();
    }

    private static Failure translateApi(ApiException api) {
        String where = " (" + api.request() + ")";
        if (api.status() == 401) {
            return new Failure(ExitCodes.AUTH, "the API key was refused: " + api.getMessage() + where);
        }
        if (api instanceof V2UnavailableException) {
            return new Failure(ExitCodes.FAILED, api.getMessage());
        }
        if (api.status() == 404 && "ADMIN-404-2".equals(api.code())) {
            return new Failure(ExitCodes.FAILED, "organization not found: check the org ID" + where);
        }
        return new Failure(
                ExitCodes.FAILED,
                "the API answered " + api.status() + " " + api.code() + ": " + api.getMessage() + where);
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CommandExecutionException
                        || e instanceof InvocationTargetException
                        || e instanceof CompletionException
                        || e instanceof UncheckedIOException && e.getCause() instanceof FileSystemException
                        || isReactorWrapper(e))
                && e.getCause() != null
                && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean isReactorWrapper(Throwable e) {
        // Reactor wraps checked exceptions thrown from block() in a ReactiveException
        return e.getClass().getName().equals("reactor.core.Exceptions$ReactiveException");
    }

    private static Throwable rootCause(Throwable t) {
        Throwable e = t;
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }
}

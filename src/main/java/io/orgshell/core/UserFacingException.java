package io.orgshell.core;

/**
 * The one exception type whose message is already written for the user, carrying the exit code it ends a script
 * with: a file that cannot be written (1), a bad option (2, {@link UsageException}), no session (3). The front end
 * prints the message in one line; the layers below throw it without knowing how it is shown.
 */
public class UserFacingException extends RuntimeException {

    private final int exitCode;

    public UserFacingException(String message) {
        this(message, ExitCodes.FAILED);
    }

    public UserFacingException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

package io.orgshell.shell;

/** A failure whose message is already written for the user (a file that cannot be written, ...). Exit code 1. */
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

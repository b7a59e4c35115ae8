package io.orgshell.shell;

/** The command line itself is wrong: unknown command or option, missing or malformed value. Exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}

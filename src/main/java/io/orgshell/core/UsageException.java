package io.orgshell.core;

/**
 * What the user typed or configured is wrong: unknown command or option, missing or malformed value, a config file
 * that cannot be used. The message says how to fix it. Exit code 2.
 */
public class UsageException extends UserFacingException {
    public UsageException(String message) {
        super(message, ExitCodes.USAGE);
    }
}

package io.orgshell.config;

/** A problem with the user's configuration that the user can fix; the message says how. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}

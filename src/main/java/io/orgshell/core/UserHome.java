package io.orgshell.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the user's home is, as Unix tools see it: {@code $HOME} when set and non-empty, else Java's
 * {@code user.home} (the passwd entry's, which ignores a {@code HOME} pointing elsewhere: {@code sudo -H}, a CI job,
 * a test). {@code ~} in a file name and the default config directory both start here.
 */
public final class UserHome {

    private final Map<String, String> environment;
    private final String passwdHome;

    /** {@code environment} as {@link System#getenv()} gives it; {@code passwdHome} as {@code user.home}. */
    public UserHome(Map<String, String> environment, String passwdHome) {
        this.environment = Map.copyOf(environment);
        this.passwdHome = passwdHome;
    }

    /** This process's home. */
    public static UserHome current() {
        return new UserHome(System.getenv(), System.getProperty("user.home"));
    }

    public Path directory() {
        return Path.of(nonEmpty("HOME") ? environment.get("HOME") : passwdHome);
    }

    /**
     * {@code ~} or {@code ~/rest} as this home; anything else as typed ({@code ~user} is not expanded: no shell
     * is there to ask the user database).
     */
    public String expand(String typed) {
        if (typed.equals("~") || typed.startsWith("~/")) {
            return directory() + typed.substring(1);
        }
        return typed;
    }

    /**
     * The base of per-user configuration: {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. The XDG base directory
     * specification has a relative value ignored, as if unset.
     */
    public Path configHome() {
        if (nonEmpty("XDG_CONFIG_HOME")) {
            Path xdg = Path.of(environment.get("XDG_CONFIG_HOME"));
            if (xdg.isAbsolute()) {
                return xdg;
            }
        }
        return directory().resolve(".config");
    }

    private boolean nonEmpty(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isEmpty();
    }
}

package io.orgshell.config;

import io.orgshell.core.UserHome;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The user's orgshell directory ({@code orgshell.config-dir}, else {@code $XDG_CONFIG_HOME/orgshell}, else
 * {@code $HOME/.config/orgshell}): profiles, history and runs. Everything created here is owner-only, because it holds
 * account data and possibly a key; the directory itself, when it exists already, keeps the mode its owner gave it.
 */
@Component
public class ConfigDirectory {

    private final Path root;

    public ConfigDirectory(OrgShellProperties properties) {
        this.root = root(properties.configDir(), UserHome.current());
    }

    /** {@code configured} (a {@code ~} in it is {@code home}) when given, else the default under {@code home}. */
    static Path root(Path configured, UserHome home) {
        if (configured != null) {
            return Path.of(home.expand(configured.toString()));
        }
        return home.configHome().resolve("orgshell");
    }

    public Path root() {
        return root;
    }

    public Path configFile() {
        return root.resolve("config.yml");
    }

    public Path historyFile() {
        return root.resolve("history");
    }
}

package io.orgshell.config;

import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The user's orgshell directory ({@code orgshell.config-dir}, else {@code $XDG_CONFIG_HOME/orgshell}, else
 * {@code ~/.config/orgshell}): profiles, history and runs. Everything created here is owner-only, because it holds
 * account data and possibly a key; the directory itself, when it exists already, keeps the mode its owner gave it.
 */
@Component
public class ConfigDirectory {

    private final Path root;

    public ConfigDirectory(OrgShellProperties properties) {
        this.root = properties.configDir() != null ? properties.configDir() : defaultRoot();
    }

    static Path defaultRoot() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("orgshell");
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

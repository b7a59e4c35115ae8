package io.orgshell.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The user's orgshell directory ({@code orgshell.config-dir}, else {@code $XDG_CONFIG_HOME/orgshell}, else
 * {@code ~/.config/orgshell}): profiles, history and runs. Everything created here is owner-only, because it holds
 * account data and possibly a key.
 */
@Component
public class ConfigDirectory {

    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

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

    /** Creates the directory (owner-only) if needed and returns it. */
    public Path ensureRoot() throws IOException {
        return ensureOwnerOnlyDirectory(root);
    }

    public static Path ensureOwnerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        restrict(dir, OWNER_DIR);
        return dir;
    }

    /** Creates an empty owner-only file, or narrows an existing file to owner-only. */
    public static Path ensureOwnerOnlyFile(Path file) throws IOException {
        ensureOwnerOnlyDirectory(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            if (supportsPosix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
        }
        restrict(file, OWNER_FILE);
        return file;
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (supportsPosix(p)) {
            Files.setPosixFilePermissions(p, perms);
        }
    }

    static boolean supportsPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

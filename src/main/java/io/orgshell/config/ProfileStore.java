package io.orgshell.config;

import com.sun.security.auth.module.UnixSystem;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Named profiles from {@code config.yml} in the config directory:
 * <pre>
 * default-profile: acme
 * profiles:
 *   acme:
 *     org-id: 1a2b...
 *     base-url: https://api.atlassian.com   # optional
 *     api-key: ...                          # optional; the file must then be chmod 600
 *     account-id: 5b86...                   # optional: your own account, never touched by bulk runs
 *     proxy: http://proxy.corp:3128         # optional: or none (go direct whatever the environment says)
 *     extra-ca-certs: ~/corp-ca.pem         # optional: CAs trusted besides Java's own
 * </pre>
 * Like ssh with a private key, a file that holds a key and can be read by group or others is refused; so is a file
 * that another user owns, or that group or others can write, whatever it holds.
 */
@Component
public class ProfileStore {

    private final ConfigDirectory directory;

    public ProfileStore(ConfigDirectory directory) {
        this.directory = directory;
    }

    public Path file() {
        return directory.configFile();
    }

    public Optional<Profile> find(String name) {
        return load().profiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return load().profiles().stream().map(Profile::name).toList();
    }

    public Optional<String> defaultProfileName() {
        return Optional.ofNullable(load().defaultProfile());
    }

    record Loaded(String defaultProfile, List<Profile> profiles) {}

    Loaded load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return new Loaded(null, List.of());
        }
        refuseIfNotOwned(file);
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            // only the position and the problem: the parser's context snippet could quote a key
            var mark = e.getProblemMark();
            throw new UsageException(
                    file + (mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1))
                            + ": not valid YAML (" + e.getProblem() + ")");
        } catch (IOException | YAMLException e) {
            throw new UsageException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        if (root == null) {
            return new Loaded(null, List.of());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new UsageException(file + ": expected 'profiles:' and 'default-profile:' at the top level");
        }
        List<Profile> profiles = new ArrayList<>();
        Object section = map.get("profiles");
        if (section != null && !(section instanceof Map)) {
            throw new UsageException(file + ": 'profiles' must map profile names to settings");
        }
        boolean holdsKey = false;
        if (section instanceof Map<?, ?> byName) {
            for (Map.Entry<?, ?> e : byName.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof Map<?, ?> p)) {
                    throw new UsageException(file + ": profile '" + name + "' must be a map of settings");
                }
                String key = string(p.get("api-key"));
                String proxy = string(p.get("proxy"));
                // a proxy URL with a user and password is as secret as a key
                holdsKey |= key != null || (proxy != null && proxy.contains("@"));
                profiles.add(new Profile(
                        name,
                        string(p.get("org-id")),
                        uri(file, name, string(p.get("base-url"))),
                        key == null ? null : key.toCharArray(),
                        string(p.get("account-id")),
                        proxy,
                        string(p.get("extra-ca-certs"))));
            }
        }
        refuseIfUnsafe(file, holdsKey);
        String defaultProfile = string(map.get("default-profile"));
        if (defaultProfile != null && profiles.stream().noneMatch(p -> p.name().equals(defaultProfile))) {
            throw new UsageException(file + ": default-profile '" + defaultProfile + "' is not among the profiles");
        }
        return new Loaded(defaultProfile, profiles);
    }

    /**
     * Profiles decide where a key is sent, so they are read only from a file of the user's own (as ssh reads its
     * config): one that another user owns, in a shared config folder say, is refused before it is parsed.
     */
    private static void refuseIfNotOwned(Path file) {
        if (!OwnerOnlyFiles.supportsPosix(file)) {
            return;
        }
        long owner;
        try {
            owner = ((Number) Files.getAttribute(file, "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return; // a file system without unix owners: the permission checks below still apply
        }
        long me = new UnixSystem().getUid();
        if (owner != me) {
            throw new UsageException(file + " belongs to another user (uid " + owner + ", you are " + me
                    + "), and it decides where the API key is sent: orgshell reads profiles only from a file you own");
        }
    }

    /**
     * A file others can write decides where a key is sent (its {@code base-url} takes an environment key too), so it
     * is refused whatever it holds; one that holds a key is refused as well when others can read it (as ssh does).
     */
    private static void refuseIfUnsafe(Path file, boolean holdsKey) {
        if (!OwnerOnlyFiles.supportsPosix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new UsageException(file + " can be changed by other users, and it decides where the API key "
                        + "is sent; fix it with: chmod go-w " + file);
            }
            if (holdsKey
                    && (perms.contains(PosixFilePermission.GROUP_READ)
                            || perms.contains(PosixFilePermission.OTHERS_READ))) {
                throw new UsageException(file + " holds an API key or a proxy password but other users can access it; "
                        + "fix it with: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new UsageException("cannot check the permissions of " + file + ": " + e.getMessage());
        }
    }

    private static URI uri(Path file, String profile, String value) {
        if (value == null) {
            return null;
        }
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": profile '" + profile + "' has an invalid base-url");
        }
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o).trim();
    }
}

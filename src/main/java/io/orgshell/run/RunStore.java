package io.orgshell.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.orgshell.config.ConfigDirectory;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.UserFacingException;
import org.springframework.stereotype.Component;

/** The runs under {@code <config dir>/runs}, newest first. Run IDs sort by time: {@code 20261127-013005-email-3fa2}. */
@Component
public class RunStore {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ConfigDirectory config;

    public RunStore(ConfigDirectory config) {
        this.config = config;
    }

    public Path root() {
        return config.root().resolve("runs");
    }

    public RunDirectory create(String operation) {
        try {
            OwnerOnlyFiles.ensureDirectory(config.root());
            Path root = OwnerOnlyFiles.ensureDirectory(root());
            for (int attempt = 0; attempt < 20; attempt++) {
                String id = LocalDateTime.now().format(ID_TIME) + "-" + operation + "-"
                        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
                Path dir = root.resolve(id);
                if (!Files.exists(dir)) {
                    Files.createDirectory(dir);
                    OwnerOnlyFiles.ensureDirectory(dir);
                    return new RunDirectory(id, dir);
                }
            }
            throw new IOException("no free run ID");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory under " + root(), e);
        }
    }

    /** Every run with a readable {@code run.json}, newest first. */
    public List<RunMeta> list() {
        if (!Files.isDirectory(root())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("run.json")))
                    .map(d -> new RunDirectory(d.getFileName().toString(), d))
                    .flatMap(d -> {
                        try {
                            return Stream.of(d.readMeta());
                        } catch (UncheckedIOException e) {
                            return Stream.empty();
                        }
                    })
                    // IDs have one-second resolution; the creation instant orders runs started within a second
                    .sorted(Comparator.comparing((RunMeta m) -> java.time.Instant.parse(m.created()))
                            .thenComparing(RunMeta::id).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root(), e);
        }
    }

    public RunDirectory open(String id) {
        if (id == null || id.isBlank() || id.contains("/") || id.contains("\\") || id.startsWith(".")) {
            throw new UserFacingException("not a run ID: " + id, ExitCodes.USAGE);
        }
        Path dir = root().resolve(id);
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new UserFacingException("no run " + id + " (see 'runs list')", ExitCodes.USAGE);
        }
        return new RunDirectory(id, dir);
    }

    /** The run {@code id}; without one, the latest run (of {@code orgId}, when there is one). */
    public RunDirectory openOrLatest(String id, String orgId) {
        if (id != null && !id.isBlank()) {
            return open(id);
        }
        return latest(orgId, false).map(m -> open(m.id()))
                .orElseThrow(() -> new UserFacingException("no runs yet", ExitCodes.USAGE));
    }

    public Optional<RunMeta> latest(String orgId, boolean unfinishedOnly) {
        return list().stream().filter(m -> orgId == null || orgId.equals(m.orgId()))
                .filter(m -> !unfinishedOnly || m.unfinished()).findFirst();
    }
}

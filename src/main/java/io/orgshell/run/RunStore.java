package io.orgshell.run;

import io.orgshell.config.ConfigDirectory;
import io.orgshell.core.DurableFiles;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.UserFacingException;
import io.orgshell.session.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
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

    /** Where the writer lock of each org is kept ({@link WriterLock}). */
    Path locks() {
        return config.root().resolve("locks");
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
                    OwnerOnlyFiles.createDirectory(dir);
                    DurableFiles.forceDirectory(root);
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
        return directories().stream()
                .flatMap(d -> {
                    try {
                        return Stream.of(d.readMeta());
                    } catch (RunDirectory.Damaged e) {
                        return Stream.empty();
                    }
                })
                // IDs have one-second resolution; the creation instant orders runs started within a second
                .sorted(Comparator.comparing((RunMeta m) -> Instant.parse(m.created()))
                        .thenComparing(RunMeta::id)
                        .reversed())
                .toList();
    }

    /**
     * One line of {@code runs list}: a run as its files say once brought up to date from its journal
     * ({@code note} says when that happened or could not be done), or a damaged run ({@code meta} null) and why.
     */
    public record Entry(String id, RunMeta meta, String damage, String note) {}

    /** Every run directory, newest first, damaged ones included; each run's files brought up to date first. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        for (RunDirectory d : directories()) {
            try {
                String note = bringUpToDate(d, false).orElse(null);
                all.add(new Entry(d.id(), d.readMeta(), null, note));
            } catch (RunDirectory.Damaged e) {
                all.add(new Entry(d.id(), null, e.reason(), null));
            } catch (UserFacingException e) {
                all.add(new Entry(d.id(), null, e.getMessage(), null));
            }
        }
        all.sort(Comparator.comparing(
                        (Entry e) -> e.meta() != null ? Instant.parse(e.meta().created()) : startOf(e.id()))
                .thenComparing(Entry::id)
                .reversed());
        return all;
    }

    /**
     * Brings {@code run.json}, {@code results.csv} and {@code undo.csv} up to date from the journal when it holds
     * more than they show (a process killed between its reports). The one-line note says what was done; for a run
     * another live process works on, nothing is rewritten and the note says so, unless {@code strict}, where that
     * is an error.
     */
    public Optional<String> bringUpToDate(RunDirectory dir, boolean strict) {
        return RunRefresh.bringUpToDate(dir, strict);
    }

    public RunDirectory open(String id) {
        if (id == null || id.isBlank() || id.contains("/") || id.contains("\\") || id.startsWith(".")) {
            throw new UserFacingException("not a run ID: " + id, ExitCodes.USAGE);
        }
        Path dir = root().resolve(id);
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("no run " + id + " (see 'runs list')", ExitCodes.USAGE);
        }
        RunDirectory run = new RunDirectory(id, dir);
        run.readMeta(); // a damaged run says so here, in one line
        return run;
    }

    /**
     * The run {@code id}; without one, the latest run of the connected org (see {@link RunMeta#madeAgainst}), or of
     * any org when there is no connection.
     */
    public RunDirectory openOrLatest(String id, Connection connected) {
        if (id != null && !id.isBlank()) {
            return open(id);
        }
        return latest(connected)
                .map(m -> open(m.id()))
                .orElseThrow(() -> new UserFacingException(
                        connected == null ? "no runs yet" : "no runs for this organization yet (see 'runs list')",
                        ExitCodes.USAGE));
    }

    public Optional<RunMeta> latest(Connection connected) {
        return list().stream()
                .filter(m -> connected == null || m.madeAgainst(connected))
                .findFirst();
    }

    /** The runs not finished (paused, stopped, crashed) of the connected org, or of any org; newest first. */
    public List<RunMeta> unfinished(Connection connected) {
        return list().stream()
                .filter(RunMeta::unfinished)
                .filter(m -> connected == null || m.madeAgainst(connected))
                .toList();
    }

    private List<RunDirectory> directories() {
        if (!Files.isDirectory(root())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .map(d -> new RunDirectory(d.getFileName().toString(), d))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root(), e);
        }
    }

    /** A run ID starts with the local time it was made at; a directory named otherwise sorts last. */
    static Instant startOf(String id) {
        try {
            return LocalDateTime.parse(id.substring(0, 15), ID_TIME)
                    .atZone(ZoneId.systemDefault())
                    .toInstant();
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}

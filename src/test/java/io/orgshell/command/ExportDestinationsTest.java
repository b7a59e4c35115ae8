package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;

/**
 * Every {@code --out} writes where it was pointed, as the thing that is there: a FIFO is written as a stream (no
 * {@code .part}, no rename over it), a symbolic link stays a link and its target gets the data, {@code -} is standard
 * output, and an export that finds nothing leaves the file already there as it was. Ctrl-C ends the wait for a
 * FIFO's reader, and a regular file is replaced wherever it is, under {@code /dev} too.
 */
class ExportDestinationsTest extends FreshSandboxTest {

    static final String HEADER = "account_id,email,name,account_status";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(60).withSeed(71);
    }

    @Test
    void aFifoIsWrittenAsAStreamAndStaysAFifo() throws Exception {
        Path reference = tmp.resolve("reference.csv");
        assertThat(run("users export --out " + reference).exitCode()).isEqualTo(ExitCodes.OK);
        Path fifo = mkfifo(tmp.resolve("accounts.fifo"));
        CompletableFuture<String> read = readerOf(fifo);

        Result r = run("users export --out " + fifo);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(Files.readString(reference));
        assertThat(isFifo(fifo)).as("still a FIFO, not a file renamed over it").isTrue();
        assertThat(tmp.resolve("accounts.fifo.part")).doesNotExist();
    }

    @Test
    void aPlanSentToAFifoIsAlsoKeptAndLoaded() throws Exception {
        Path fifo = mkfifo(tmp.resolve("plan.fifo"));
        CompletableFuture<String> read = readerOf(fifo);

        Result r = run("plan suspend --domain eu.acme.example --out " + fifo);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        String sent = read.get(30, TimeUnit.SECONDS);
        assertThat(sent).startsWith("account_id,email\n").contains("@eu.acme.example");
        assertThat(isFifo(fifo)).isTrue();
        assertThat(r.err()).contains("sent the plan to " + fifo).contains("wrote " + CONFIG_DIR.resolve("plans"));
        assertThat(run("preview").exitCode())
                .as("the plan was loaded from the kept file")
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path real = Files.writeString(elsewhere.resolve("accounts.csv"), "last week's\n");
        Path link = Files.createSymbolicLink(tmp.resolve("latest.csv"), real);
        Path dangling = Files.createSymbolicLink(tmp.resolve("next.csv"), elsewhere.resolve("next.csv"));

        for (Path out : new Path[] {link, dangling}) {
            Result r = run("users export --out " + out);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
            assertThat(Files.isSymbolicLink(out)).as("%s is still a link", out).isTrue();
            assertThat(Files.readString(out)).startsWith(HEADER);
        }
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(Files.readString(real)).startsWith(HEADER).doesNotContain("last week's");
        assertThat(Files.isRegularFile(elsewhere.resolve("next.csv"), LinkOption.NOFOLLOW_LINKS))
                .isTrue();
        try (var left = Files.list(elsewhere)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("accounts.csv", "next.csv");
        }
    }

    @Test
    void aDashIsStandardOutputForEveryOut() throws Exception {
        Path reference = tmp.resolve("reference.csv");
        assertThat(run("users export --out " + reference).exitCode()).isEqualTo(ExitCodes.OK);

        Result export = run("users export --out -");
        assertThat(export.exitCode()).as(export.toString()).isEqualTo(ExitCodes.OK);
        assertThat(export.out()).as("the CSV alone").isEqualTo(Files.readString(reference));
        assertThat(export.err()).contains("exported").contains("to standard output");

        Result json = run("users export --format json --out -");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(json.out().lines()).allMatch(l -> l.startsWith("{\"account_id\":"));

        Result plan = run("plan suspend --domain eu.acme.example --out -");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out())
                .startsWith("account_id,email\n")
                .contains("@eu.acme.example")
                .doesNotContain("selected");
        assertThat(plan.err()).contains("selected").contains("sent the plan to standard output");
        ok(run("preview"));

        assertThat(Path.of("-")).doesNotExist();
        assertThat(tmp.resolve("-")).doesNotExist();
    }

    @Test
    void anExportThatFindsNothingLeavesTheFileThereAsItWas() throws Exception {
        Path full = tmp.resolve("users.csv");
        assertThat(run("users export --out " + full).exitCode()).isEqualTo(ExitCodes.OK);
        String before = Files.readString(full);
        assertThat(before.lines().count()).isGreaterThan(50);

        Result r = run("users export --domain acme.io --out " + full);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err().strip())
                // the slices of acme.io are read, and hold nobody
                .isEqualTo("error: no account matched the selection (0 read); " + full + " was left as it was");
        assertThat(Files.readString(full)).isEqualTo(before);
        assertThat(tmp.resolve("users.csv.part")).doesNotExist();

        Path fresh = tmp.resolve("none.json");
        Result none = run("users export --format json --domain acme.io --out " + fresh);
        assertThat(none.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(none.err()).contains(fresh + " was not written");
        assertThat(fresh).doesNotExist();

        Result stream = run("users export --domain acme.io --out -");
        assertThat(stream.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(stream.out())
                .as("a reader still gets a CSV, and its end")
                .startsWith(HEADER)
                .hasLineCount(1);
        assertThat(stream.err()).contains("only the header was written to standard output");
    }

    @Test
    void aDomainListThatFindsNothingLeavesTheFileThereAsItWas() throws Exception {
        Path file = tmp.resolve("domains.csv");
        assertThat(run("domains list --out " + file).exitCode()).isEqualTo(ExitCodes.OK);
        String before = Files.readString(file);
        server.faults().add("GET /admin/v1/orgs/{orgId}/domains", Fault.respond(200, "{\"data\":[],\"links\":{}}"));

        Result r = run("domains list --out " + file);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("the organization has no verified domains; " + file + " was left as it was");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void ctrlCWhileAFifoWaitsForItsReaderEndsTheExport() throws Exception {
        Path fifo = mkfifo(tmp.resolve("nobody.fifo"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread command = new Thread(() -> exit.complete(dispatcher.execute(
                "users export --out " + fifo,
                console(new PrintWriter(out, true), new PrintWriter(err, true), new InputReader() {}))));
        command.start();
        try {
            awaitCondition(() -> inStreamFile(command));

            command.interrupt(); // what the shell's Ctrl-C handler does to the command's thread
            int code = exit.get(30, TimeUnit.SECONDS);

            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(err.toString().strip())
                    .isEqualTo("error: interrupted while " + fifo + " waited for a reader; nothing was written");
            awaitCondition(
                    () -> Thread.getAllStackTraces().keySet().stream().noneMatch(ExportDestinationsTest::inStreamFile));
            assertThat(isFifo(fifo)).isTrue();
        } finally {
            if (command.isAlive()) {
                readerOf(fifo); // lets an open that no interrupt reached go on, so the thread ends
            }
        }
    }

    @Test
    void aRegularFileUnderDevIsReplacedNotAppendedTo() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no writable /dev/shm");
        Path file = shm.resolve("orgshell-" + UUID.randomUUID() + ".csv");
        try {
            Files.writeString(file, "last week's\n");

            Result r = run("users export --out " + file);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(file)).startsWith(HEADER).doesNotContain("last week's");
            assertThat(Path.of(file + ".part")).doesNotExist();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean inStreamFile(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals("io.orgshell.core.StreamFile"));
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 60 s").isTrue();
    }

    private static Path mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return path;
    }

    /** Reads the FIFO to its end on another thread, as a program at the other end of a pipe would. */
    private static CompletableFuture<String> readerOf(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean isFifo(Path p) throws IOException {
        return !Files.isRegularFile(p)
                && !Files.isDirectory(p)
                && Files.exists(p)
                && Files.readAttributes(p, PosixFileAttributes.class).isOther();
    }
}

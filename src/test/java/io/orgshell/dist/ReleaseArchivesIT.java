package io.orgshell.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives that {@code mvn package} leaves in target/distributions, unpacked into an empty folder and
 * run through their own {@code bin/orgshell}, as an admin runs them: no Maven, no checkout, and for the Linux x64
 * archive no Java at all. Each run replays a domain move on the embedded sandbox.
 */
class ReleaseArchivesIT {

    private static final Path DIST = Path.of(System.getProperty("orgshell.dist.dir", "target/distributions"));
    private static final String NAME = "orgshell-" + System.getProperty("orgshell.version");
    /** What bin/orgshell runs besides java; a folder of links to them stands in for a PATH without java. */
    private static final List<String> TOOLS =
            List.of("dirname", "readlink", "sed", "cksum", "cut", "ls", "mkdir", "mktemp", "rm", "mv");

    @TempDir
    static Path work;

    static Path tools;

    record Finished(int exitCode, String out, String err) {}

    @BeforeAll
    static void aPathWithoutJava() throws IOException {
        tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : TOOLS) {
            Files.createSymbolicLink(tools.resolve(tool), onPath(tool));
        }
        Files.copy(Path.of("scripts/examples/domain-move.csv"), work.resolve("domain-move.csv"));
        Files.writeString(work.resolve("domain-move.shell"), "load domain-move.csv\npreview\nrun --yes\n");
    }

    /** The links only: the temporary folder's clean-up would warn about each link to outside it. */
    @AfterAll
    static void removeTheLinksToTools() throws IOException {
        try (Stream<Path> links = Files.walk(work)) {
            for (Path link : links.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    @Test
    void theZipRunsOnTheJavaFoundOnThePath() throws Exception {
        Path home = unzip(DIST.resolve(NAME + ".zip"));
        assertThat(home.resolve("README.md")).exists();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("bin/orgshell.cmd")).content().contains("\r\n").contains("lib\\orgshell.jar");
        // unzip restores the file modes the archive records; java.util.zip does not
        Files.setPosixFilePermissions(home.resolve("bin/orgshell"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path javaOnPath = Files.createDirectories(work.resolve("java-on-path"));
        Files.createSymbolicLink(javaOnPath.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));

        Finished f =
                replay(home.resolve("bin/orgshell"), Map.of("PATH", javaOnPath + ":" + tools, "ORGSHELL_NO_CDS", "1"));

        assertReplayed(f);
    }

    @Test
    void theTarGzRunsOnJavaHomeAndRecordsAClassDataArchive() throws Exception {
        Path home = untar(DIST.resolve(NAME + ".tar.gz"));
        assertThat(home.resolve("runtime")).doesNotExist();
        Path cache = work.resolve("cache-tar");

        Finished f = replay(
                home.resolve("bin/orgshell"),
                Map.of(
                        "PATH",
                        tools.toString(),
                        "JAVA_HOME",
                        System.getProperty("java.home"),
                        "XDG_CACHE_HOME",
                        cache.toString()));

        assertReplayed(f);
        assertThat(f.err()).contains("recording a class-data archive");
        assertThat(jsaFiles(cache.resolve("orgshell"))).hasSize(1);
    }

    @Test
    void theLinuxArchiveRunsOnItsOwnRuntimeThroughASymlinkWithNoJavaAnywhere() throws Exception {
        Path archive = DIST.resolve(NAME + "-linux-x64.tar.gz");
        if (!Files.exists(archive)) {
            Path why = DIST.resolveSibling("dist").resolve("runtime-skipped.txt");
            assertThat(why)
                    .as("no %s, and the build said nothing about why", archive)
                    .exists();
            Assumptions.abort("no Linux x64 archive with a runtime: " + Files.readString(why));
        }
        Path home = untar(archive);
        Path link = Files.createDirectories(work.resolve("links")).resolve("orgshell");
        Files.createSymbolicLink(link, home.resolve("bin/orgshell"));
        Path cache = work.resolve("cache-runtime");

        Finished f = replay(link, Map.of("PATH", tools.toString(), "XDG_CACHE_HOME", cache.toString()));

        assertReplayed(f);
        assertThat(jsaFiles(cache.resolve("orgshell")))
                .as("a class-data archive on the runtime's own base archive")
                .hasSize(1);
        Set<String> modules = runtimeModules(home);
        assertThat(modules).containsAll(jdepsModules(home.resolve("lib")));
    }

    @Test
    void withNoJavaAnywhereTheLauncherSaysSoInOneLine() throws Exception {
        Path home = untar(DIST.resolve(NAME + ".tar.gz"));

        Finished f = run(home.resolve("bin/orgshell"), Map.of("PATH", tools.toString()), "version");

        assertThat(f.exitCode()).isEqualTo(1);
        assertThat(f.err().strip())
                .startsWith("orgshell: needs Java 17 or newer")
                .doesNotContain("\n");
    }

    private static void assertReplayed(Finished f) {
        assertThat(f.exitCode()).as(f.out() + f.err()).isZero();
        assertThat(f.err()).contains("applied 20").contains("(finished)").doesNotContain("error:");
    }

    private static Finished replay(Path orgshell, Map<String, String> env) throws Exception {
        return run(orgshell, env, "--sandbox", "--file", "domain-move.shell");
    }

    /** A clean environment: no JAVA_HOME, no proxy, no ORGSHELL_ variable of the build's, HOME in the work dir. */
    private static Finished run(Path orgshell, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(orgshell.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        Path config = Files.createTempDirectory(work, "config");
        pb.environment()
                .putAll(Map.of("HOME", work.toString(), "ORGSHELL_CONFIG_DIR", config.toString(), "LANG", "C.UTF-8"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = pb.redirectInput(
                        ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/orgshell did not finish: " + Files.readString(err));
        }
        return new Finished(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path untar(Path archive) throws Exception {
        Path into = Files.createTempDirectory(work, "unpacked");
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString())
                .directory(into.toFile())
                .inheritIO()
                .start();
        assertThat(tar.waitFor()).as("tar xzf " + archive).isZero();
        return into.resolve(NAME);
    }

    private static Path unzip(Path archive) throws IOException {
        Path into = Files.createTempDirectory(work, "unpacked");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into.resolve(NAME);
    }

    private static List<Path> jsaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }

    private static Set<String> runtimeModules(Path home) throws Exception {
        Process p = new ProcessBuilder(home.resolve("runtime/bin/java").toString(), "--list-modules")
                .redirectErrorStream(true)
                .start();
        String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(listing).isZero();
        return listing.lines().map(l -> l.split("@")[0].strip()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The JDK modules jdeps finds in the application jar and its libraries. */
    private static Set<String> jdepsModules(Path lib) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = jdeps.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "--multi-release",
                "17",
                "--ignore-missing-deps",
                "--print-module-deps",
                "--class-path",
                lib + "/*",
                lib.resolve("orgshell.jar").toString());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return Set.of(out.toString(StandardCharsets.UTF_8).strip().split(","));
    }

    private static Path onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":"))
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError(tool + " is not on the PATH"));
    }
}

package io.orgshell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The start-up rows of {@code scripts/bench startup} for the release archives in target/distributions: each
 * unpacked, started once through its own {@code bin/orgshell} (which records the class-data archive), then timed,
 * with and without that archive. The Linux x64 archive runs on its own runtime, with no java on the PATH.
 */
final class ArchiveStartup {

    private static final List<String> TOOLS =
            List.of("dirname", "readlink", "sed", "cksum", "cut", "ls", "mkdir", "mktemp", "rm", "mv");

    private ArchiveStartup() {}

    /** Markdown rows (measure, seconds, ratio to hello); none when the archives have not been built. */
    static String rows(Path work, double hello) throws Exception {
        Path dist = Path.of("target", "distributions");
        Path plain = only(dist, false);
        Path runtime = only(dist, true);
        Path tools = tools(work);
        StringBuilder rows = new StringBuilder();
        if (plain != null) {
            Path orgshell = unpack(plain, work.resolve("plain"));
            String java = "JAVA_HOME=" + System.getProperty("java.home");
            rows.append(row(
                    "archive's bin/orgshell on Java " + Runtime.version().feature(),
                    orgshell,
                    work,
                    hello,
                    "PATH=" + tools,
                    java));
        }
        if (runtime != null) {
            Path orgshell = unpack(runtime, work.resolve("runtime"));
            rows.append(
                    row("linux-x64 archive's bin/orgshell on its own runtime", orgshell, work, hello, "PATH=" + tools));
        }
        return rows.toString();
    }

    private static String row(String what, Path orgshell, Path work, double hello, String... env) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("env", "-u", "JAVA_HOME", "XDG_CACHE_HOME=" + work.resolve("cache")));
        command.addAll(List.of(env));
        List<String> noCds = new ArrayList<>(command);
        noCds.add("ORGSHELL_NO_CDS=1");
        command.add(orgshell.toString());
        noCds.add(orgshell.toString());
        // the first start records the class-data archive
        ScaleBench.time(ScaleBench.plus(command, "version"), work, null, null);
        double version = Double.MAX_VALUE;
        double prompt = Double.MAX_VALUE;
        double plain = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            version = Math.min(
                    version,
                    ScaleBench.time(ScaleBench.plus(command, "version"), work, null, null)
                            .seconds());
            prompt = Math.min(prompt, ScaleBench.timeToPrompt(command, work));
            plain = Math.min(
                    plain,
                    ScaleBench.time(ScaleBench.plus(noCds, "version"), work, null, null)
                            .seconds());
        }
        return String.format(
                Locale.ROOT,
                "| orgshell version (%s: CDS, AOT, C1) | %.2f | %.1f |%n"
                        + "| orgshell interactive, time to the first prompt (%s) | %.2f | %.1f |%n"
                        + "| orgshell version (%s, ORGSHELL_NO_CDS=1) | %.2f | %.1f |%n",
                what,
                version,
                version / hello,
                what,
                prompt,
                prompt / hello,
                what,
                plain,
                plain / hello);
    }

    /** orgshell-VERSION.tar.gz, or orgshell-VERSION-linux-x64.tar.gz. */
    private static Path only(Path dist, boolean withRuntime) throws IOException {
        if (!Files.isDirectory(dist)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dist)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".tar.gz") && f.endsWith("-linux-x64.tar.gz") == withRuntime)
                    .map(dist::resolve)
                    .findFirst()
                    .orElse(null);
        }
    }

    private static Path unpack(Path archive, Path into) throws Exception {
        Files.createDirectories(into);
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "--strip-components=1")
                .directory(into.toFile())
                .inheritIO()
                .start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar xzf " + archive + " failed");
        }
        return into.resolve("bin/orgshell");
    }

    /** A folder of links to what bin/orgshell runs besides java: a PATH with no java on it. */
    private static Path tools(Path work) throws IOException {
        Path tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = Stream.of(System.getenv("PATH").split(":"))
                    .map(dir -> Path.of(dir, tool))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(tool + " is not on the PATH"));
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        return tools;
    }
}

package io.orgshell.bench;

import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The scale benchmarks of {@code scripts/bench}: {@code export} (100,000 accounts in 128 MB, time against pages ×
 * latency), {@code preview} (requests and time of a 10,000-row plan against the export's), {@code load} (a
 * 100,000-row CSV) and {@code startup} (one-shot {@code version} against a plain JVM printing hello, from the checkout
 * and from the release archives). Each runs
 * orgshell as its own process from the built application, as a user does.
 */
final class ScaleBench {

    private ScaleBench() {}

    static void run(String mode, String[] args) throws Exception {
        if (mode.equals("export")) {
            String report = ExportBench.run(args);
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-export.md"), report);
            return;
        }
        int users = 100_000;
        int latency = 100;
        int rows = 10_000;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--latency-ms" -> latency = Integer.parseInt(args[i + 1]);
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("orgshell-bench");
        String report = switch (mode) {
            case "startup" -> startup(work);
            case "load" -> load(work, rows == 10_000 ? 100_000 : rows);
            default -> scale(mode, work, users, latency, rows);
        };
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-" + mode + ".md"), report);
    }

    record Timed(int exit, double seconds, long peakRssKb, String output) {}

    /** {@code scripts/orgshell} as a user runs it (extracted jar, class-data archive, AOT), JVM options added. */
    static List<String> orgshell(String... javaOptions) {
        return List.of(
                "env",
                "ORGSHELL_NO_BUILD=1",
                "ORGSHELL_JAVA_OPTS=" + String.join(" ", javaOptions),
                "scripts/orgshell");
    }

    static Timed time(List<String> command, Path work, SandboxServer server, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile());
        pb.environment().put("ORGSHELL_CONFIG_DIR", work.resolve("config").toString());
        if (server != null) {
            pb.environment().put("ORGSHELL_ORG_ID", server.orgId());
            pb.environment().put("ORGSHELL_API_KEY", server.apiKey());
            pb.environment().put("ORGSHELL_BASE_URL", server.baseUri().toString());
        }
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        long start = System.nanoTime();
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes());
            }
        }
        long peak = 0;
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, Bench.vmHwmKb(p.pid()));
        }
        return new Timed(
                p.exitValue(), (System.nanoTime() - start) / 1e9, peak, Files.readString(work.resolve("out.log")));
    }

    static String scale(String mode, Path work, int users, int latency, int rows) throws Exception {
        try (SandboxServer server = SandboxServer.start(
                SandboxConfig.defaults().withUsers(users).withSeed(3).withLatencyMs(latency))) {
            int managed = server.org().managedCount();
            int pages =
                    (managed + server.config().pageSize() - 1) / server.config().pageSize();
            Timed idle = time(orgshell("-Xmx128m"), work, server, "status\n");
            long before = server.stats().totalRequests();
            Timed export =
                    time(orgshell("-Xmx128m"), work, server, "users export --out " + work.resolve("u.csv") + "\n");
            long exportRequests = server.stats().totalRequests() - before;
            double floor = pages * latency / 1000.0;
            StringBuilder sb = new StringBuilder(String.format(
                    Locale.ROOT,
                    "| measure (%,d accounts, %d ms latency, page size %d) | value |%n| --- | --- |%n",
                    users,
                    latency,
                    server.config().pageSize()));
            sb.append(String.format(
                    Locale.ROOT,
                    "| export: exit %d, %,d managed accounts in %d pages, %d requests | "
                            + "%.1f s |%n| the same process without the export (start-up and exit) | %.1f s |%n"
                            + "| (export − start-up) / (pages × latency) | %.2f |%n"
                            + "| export peak RSS with -Xmx128m | %,d MB |%n",
                    export.exit(),
                    managed,
                    pages,
                    exportRequests,
                    export.seconds(),
                    idle.seconds(),
                    (export.seconds() - idle.seconds()) / floor,
                    export.peakRssKb() / 1024));
            if (mode.equals("preview")) {
                StringBuilder csv = new StringBuilder("account_id,email\n");
                int n = 0;
                for (SandboxUser u : server.org().users()) {
                    if (u.managed() && n < rows) {
                        csv.append(u.accountId())
                                .append(',')
                                .append(Accounts.movedAddress(u))
                                .append('\n');
                        n++;
                    }
                }
                Files.writeString(work.resolve("plan.csv"), csv.toString());
                long b = server.stats().totalRequests();
                Timed preview =
                        time(orgshell("-Xmx128m"), work, server, "load " + work.resolve("plan.csv") + "\npreview\n");
                long previewRequests = server.stats().totalRequests() - b;
                int v2Pages = (server.org().size() + 99) / 100;
                sb.append(String.format(
                        Locale.ROOT,
                        "| preview of %,d rows: exit %d, requests (a directory pass is %d pages) | "
                                + "%d |%n| (preview − start-up) / (export − start-up) | %.2f |%n"
                                + "| preview peak RSS with -Xmx128m | %,d MB |%n",
                        n,
                        preview.exit(),
                        v2Pages,
                        previewRequests,
                        (preview.seconds() - idle.seconds()) / (export.seconds() - idle.seconds()),
                        preview.peakRssKb() / 1024));
                sb.append(lookupCosts(work, server, idle));
            }
            return sb.toString();
        }
    }

    /**
     * The lookup-cost table: load and preview of email plans of 5 to 5,000 rows, the plan's accounts looked up (the
     * default) against one directory pass ({@code orgshell.search.look-up=false}), in the same org and run. Requests
     * are counted by the sandbox; seconds are the process's wall time less a start-up ({@code idle}).
     */
    static String lookupCosts(Path work, SandboxServer server, Timed idle) throws Exception {
        int batch = 100;
        int listed = (int) server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED)
                .count();
        int passPages = (listed + 99) / 100;
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "%n| email plan rows | looked up: requests "
                        + "| looked up: s | one pass: requests | one pass: s | goal min(pass, 2·⌈R/%d⌉) + 3 |%n"
                        + "| --- | --- | --- | --- | --- | --- |%n",
                batch));
        List<SandboxUser> plain = Accounts.plain(server).limit(5_000).toList();
        for (int rows : new int[] {5, 50, 500, 5_000}) {
            Path plan = Accounts.writeEmailMoves(work.resolve("plan-" + rows + ".csv"), plain.subList(0, rows));
            String commands = "load " + plan + "\npreview\n";
            long b = server.stats().totalRequests();
            Timed searched = time(orgshell("-Xmx128m"), work, server, commands);
            long searchedRequests = server.stats().totalRequests() - b;
            b = server.stats().totalRequests();
            Timed pass = time(orgshell("-Xmx128m", "-Dorgshell.search.look-up=false"), work, server, commands);
            long passRequests = server.stats().totalRequests() - b;
            if (searched.exit() != 0 || pass.exit() != 0) {
                throw new IllegalStateException("preview failed: " + searched.output() + pass.output());
            }
            sb.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %.1f | %,d | %.1f | %,d |%n",
                    rows,
                    searchedRequests,
                    searched.seconds() - idle.seconds(),
                    passRequests,
                    pass.seconds() - idle.seconds(),
                    Math.min(passPages, 2 * ((rows + batch - 1) / batch)) + 3));
        }
        return sb.toString();
    }

    static String load(Path work, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("\ufeffaccount_id,old_email,email,\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("%024x", i))
                    .append(",user")
                    .append(i)
                    .append("@acme.example, user")
                    .append(i)
                    .append("@acme.io ,\r\n");
        }
        Path file = work.resolve("big.csv");
        Files.writeString(file, csv.toString());
        Timed load = time(orgshell("-Xmx128m"), work, null, "load " + file + "\n");
        Timed nothing = time(orgshell("-Xmx128m"), work, null, "status\n");
        return String.format(
                Locale.ROOT,
                "| measure (load of %,d rows, %,d bytes, BOM + CRLF + trailing commas) | "
                        + "value |%n| --- | --- |%n| load: exit %d, process wall time | %.2f s |%n| the same process "
                        + "without the load | %.2f s |%n| peak RSS with -Xmx128m | %,d MB |%n",
                rows,
                Files.size(file),
                load.exit(),
                load.seconds(),
                nothing.seconds(),
                load.peakRssKb() / 1024);
    }

    static String startup(Path work) throws Exception {
        Path hello = work.resolve("Hello.java");
        Files.writeString(
                hello, "class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        double helloBest = Double.MAX_VALUE;
        double versionBest = Double.MAX_VALUE;
        double promptBest = Double.MAX_VALUE;
        double fatBest = Double.MAX_VALUE;
        new ProcessBuilder("javac", "-d", work.toString(), hello.toString())
                .inheritIO()
                .start()
                .waitFor();
        for (int i = 0; i < 5; i++) {
            helloBest = Math.min(
                    helloBest,
                    time(List.of("java", "-cp", work.toString(), "Hello"), work, null, null)
                            .seconds());
            versionBest = Math.min(
                    versionBest,
                    time(plus(orgshell(), "version"), work, null, null).seconds());
            promptBest = Math.min(promptBest, timeToPrompt(orgshell(), work));
            fatBest = Math.min(
                    fatBest,
                    time(List.of("java", "-jar", "target/orgshell.jar", "version"), work, null, null)
                            .seconds());
        }
        return String.format(
                        Locale.ROOT,
                        "| measure (best of 5) | seconds | ratio to hello |%n| --- | --- | --- |%n"
                                + "| plain JVM printing hello | %.2f | 1.0 |%n"
                                + "| orgshell version (scripts/orgshell: CDS, AOT, C1) | %.2f | %.1f |%n"
                                + "| orgshell interactive, time to the first prompt (scripts/orgshell) | %.2f | %.1f |%n"
                                + "| orgshell version (plain java -jar) | %.2f | %.1f |%n",
                        helloBest,
                        versionBest,
                        versionBest / helloBest,
                        promptBest,
                        promptBest / helloBest,
                        fatBest,
                        fatBest / helloBest)
                + ArchiveStartup.rows(work, helloBest);
    }

    /**
     * The interactive shell in a pseudo-terminal ({@code script} from util-linux): seconds until the line reader
     * starts reading, which JLine marks by switching bracketed paste on ({@code ESC [?2004h}).
     */
    static double timeToPrompt(List<String> command, Path work) throws Exception {
        String line =
                command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", line, "/dev/null").redirectErrorStream(true);
        pb.environment().put("ORGSHELL_CONFIG_DIR", work.resolve("config").toString());
        pb.environment().put("TERM", "xterm");
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] marker = "\u001b[?2004h".getBytes(StandardCharsets.US_ASCII);
        var in = p.getInputStream();
        int matched = 0;
        double seconds = Double.NaN;
        for (int b; (b = in.read()) >= 0; ) {
            matched = b == marker[matched] ? matched + 1 : (b == marker[0] ? 1 : 0);
            if (matched == marker.length) {
                seconds = (System.nanoTime() - start) / 1e9;
                break;
            }
        }
        try (var out = p.getOutputStream()) {
            out.write("exit\n".getBytes());
        }
        in.transferTo(OutputStream.nullOutputStream());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (Double.isNaN(seconds)) {
            throw new IllegalStateException("the interactive shell never showed its prompt");
        }
        return seconds;
    }

    static List<String> plus(List<String> cmd, String... more) {
        List<String> out = new ArrayList<>(cmd);
        out.addAll(List.of(more));
        return out;
    }
}

package io.orgshell.bench;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/bench export [--users 100000] [--latency-ms 20,100] [--orgs default,single-domain] [--pairs 3]
 * [--java-opts "..."]}: {@code users export} against a plain python loop (src/test/resources/bench/export_loop.py: the
 * v1 list one page after another, as the community scripts do it) on the same sandbox, one after the other in
 * alternating pairs, each under {@code /usr/bin/time -v}: medians of wall time, requests (counted by the sandbox),
 * CPU (user + system) and peak RSS, and orgshell's ratio to the loop. The machine may be shared: the pairs alternate
 * so that a busy spell weighs on both sides.
 */
final class ExportBench {

    private ExportBench() {}

    record Sample(double wall, long requests, double cpu, long rssKb, int exit, String output) {}

    static String run(String[] args) throws Exception {
        int users = 100_000;
        List<Integer> latencies = List.of(20, 100);
        List<String> orgs = List.of("default", "single-domain");
        int pairs = 3;
        String javaOpts = "";
        for (int i = 1; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(v);
                case "--latency-ms" ->
                    latencies =
                            Arrays.stream(v.split(",")).map(Integer::parseInt).toList();
                case "--orgs" -> orgs = List.of(v.split(","));
                case "--pairs" -> pairs = Integer.parseInt(v);
                case "--java-opts" -> javaOpts = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("orgshell-bench");
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "%,d accounts, %d alternating pairs each, medians%s%n%n"
                        + "| org | latency | pages (v1, 100 a page) | orgshell wall s | loop wall s | wall ratio "
                        + "| orgshell requests | loop requests | CPU s orgshell / loop (ratio) "
                        + "| peak RSS MB orgshell / loop (ratio) |%n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |%n",
                users,
                pairs,
                javaOpts.isEmpty() ? "" : "; orgshell JVM options: " + javaOpts));
        for (String org : orgs) {
            for (int latency : latencies) {
                table.append(row(work, users, org, latency, pairs, javaOpts));
                System.err.print(table);
            }
        }
        return table.toString();
    }

    private static String row(Path work, int users, String org, int latency, int pairs, String javaOpts)
            throws Exception {
        SandboxConfig config = SandboxConfig.defaults()
                .withUsers(users)
                .withSeed(3)
                .withLatencyMs(latency)
                .withSingleDomain(org.equals("single-domain"));
        try (SandboxServer server = SandboxServer.start(config)) {
            int pages = (server.org().managedCount() + 99) / 100;
            List<Sample> shell = new ArrayList<>();
            List<Sample> loop = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                // alternating which goes first, so that neither always runs on a warmer or a busier machine
                if (i % 2 == 0) {
                    shell.add(orgshell(work, server, javaOpts));
                    loop.add(python(work, server));
                } else {
                    loop.add(python(work, server));
                    shell.add(orgshell(work, server, javaOpts));
                }
            }
            for (Sample s : shell) {
                if (s.exit() != 0) throw new IllegalStateException("orgshell failed: " + s.output());
            }
            for (Sample s : loop) {
                if (s.exit() != 0) throw new IllegalStateException("the python loop failed: " + s.output());
            }
            double sw = median(shell.stream().mapToDouble(Sample::wall).toArray());
            double lw = median(loop.stream().mapToDouble(Sample::wall).toArray());
            double sr = median(shell.stream().mapToDouble(Sample::requests).toArray());
            double lr = median(loop.stream().mapToDouble(Sample::requests).toArray());
            double sc = median(shell.stream().mapToDouble(Sample::cpu).toArray());
            double lc = median(loop.stream().mapToDouble(Sample::cpu).toArray());
            double sm = median(shell.stream().mapToDouble(Sample::rssKb).toArray()) / 1024;
            double lm = median(loop.stream().mapToDouble(Sample::rssKb).toArray()) / 1024;
            return String.format(
                    Locale.ROOT,
                    "| %s | %d ms | %,d | %.1f | %.1f | %.2f | %,.0f | %,.0f | %.1f / %.1f (%.2f) | %.0f / %.0f (%.2f) |%n",
                    org,
                    latency,
                    pages,
                    sw,
                    lw,
                    sw / lw,
                    sr,
                    lr,
                    sc,
                    lc,
                    sc / lc,
                    sm,
                    lm,
                    sm / lm);
        }
    }

    private static Sample orgshell(Path work, SandboxServer server, String javaOpts) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        command.addAll(ScaleBench.orgshell(javaOpts.isEmpty() ? new String[0] : javaOpts.split(" ")));
        command.addAll(
                List.of("users", "export", "--out", work.resolve("orgshell.csv").toString()));
        return timed(command, work, server);
    }

    private static Sample python(Path work, SandboxServer server) throws Exception {
        return timed(
                List.of(
                        "/usr/bin/time",
                        "-v",
                        "python3",
                        Path.of("src/test/resources/bench/export_loop.py").toString(),
                        server.baseUri().toString(),
                        server.orgId(),
                        work.resolve("loop.csv").toString()),
                work,
                server);
    }

    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
    private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): ([0-9]+)");

    private static Sample timed(List<String> command, Path work, SandboxServer server) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("ORGSHELL_CONFIG_DIR", work.resolve("config").toString());
        pb.environment().put("ORGSHELL_ORG_ID", server.orgId());
        pb.environment().put("ORGSHELL_API_KEY", server.apiKey());
        pb.environment().put("ORGSHELL_BASE_URL", server.baseUri().toString());
        long before = server.stats().totalRequests();
        long start = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        long requests = server.stats().totalRequests() - before;
        String out = Files.readString(work.resolve("out.log"));
        return new Sample(wall, requests, number(USER, out) + number(SYSTEM, out), (long) number(RSS, out), exit, out);
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

package io.orgshell.bench;

import io.orgshell.sandbox.ExchangeRecorder;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/bench email|suspend [--rows N] [--rate R] [--latency-ms L] [--users U] [--loop-rows M]}:
 * orgshell's run of an N-row email (or suspend) plan against a sandbox with a rate limit and a latency, beside the
 * same kind of rows sent one after another (the python/curl loop), on the same sandbox in the same run. orgshell
 * runs as its own process, through scripts/orgshell, exactly as a user starts it; every figure is a ratio or a
 * count measured here.
 */
public final class Bench {

    record Options(int rows, double rate, int latencyMs, int users, int loopRows) {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        switch (mode) {
            case "email", "suspend" -> writes(mode, parse(args));
            case "export", "preview", "load", "startup" -> ScaleBench.run(mode, args);
            case "csv" -> org.openjdk.jmh.Main.main(new String[] {CsvReaderBench.class.getName()});
            default -> {
                System.err.println("usage: scripts/bench email|suspend|export|preview|load|startup|csv [options]");
                System.exit(2);
            }
        }
    }

    static Options parse(String[] args) {
        int rows = 10_000;
        double rate = 50;
        int latency = 100;
        int users = 14_000;
        int loop = 300;
        for (int i = 1; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--latency-ms" -> latency = Integer.parseInt(v);
                case "--users" -> users = Integer.parseInt(v);
                case "--loop-rows" -> loop = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Options(rows, rate, latency, users, loop);
    }

    /** {@code email} changes each row's address; {@code suspend} suspends each row's access (v2 directory API). */
    static void writes(String op, Options o) throws Exception {
        boolean email = op.equals("email");
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults()
                .withUsers(o.users())
                .withSeed(1)
                .withRatePerSecond(o.rate())
                .withLatencyMs(o.latencyMs()))) {
            List<SandboxUser> plain = Accounts.plain(server).toList();
            if (plain.size() < o.rows() + o.loopRows()) {
                throw new IllegalArgumentException(
                        "the sandbox has only " + plain.size() + " plain accounts; raise --users");
            }
            Path work = Files.createTempDirectory("orgshell-bench");
            StringBuilder csv = new StringBuilder(email ? "account_id,old_email,email\n" : "account_id,email\n");
            for (SandboxUser u : plain.subList(0, o.rows())) {
                csv.append(u.accountId()).append(',').append(u.email());
                csv.append(email ? "," + Accounts.movedAddress(u) + "\n" : "\n");
            }
            Path plan = work.resolve("plan.csv");
            Files.writeString(plan, csv.toString());

            ConcurrentLinkedQueue<Long> putTimes = new ConcurrentLinkedQueue<>();
            ExchangeRecorder.onExchange(server, e -> {
                boolean write = email
                        ? e.method().equals("PUT") && e.path().endsWith("/manage/email")
                        : e.method().equals("POST") && e.path().endsWith("/suspend");
                if (write && e.status() / 100 == 2) {
                    putTimes.add(System.nanoTime());
                }
            });
            System.out.printf(
                    Locale.ROOT,
                    "sandbox: %d users, limit %.0f req/s, latency %d ms; %s plan of %,d rows%n",
                    o.users(),
                    o.rate(),
                    o.latencyMs(),
                    op,
                    o.rows());

            List<String> command = ScaleBench.orgshell("-Xmx128m");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("orgshell.log").toFile());
            pb.environment().put("ORGSHELL_CONFIG_DIR", work.resolve("config").toString());
            pb.environment().put("ORGSHELL_ORG_ID", server.orgId());
            pb.environment().put("ORGSHELL_API_KEY", server.apiKey());
            pb.environment().put("ORGSHELL_BASE_URL", server.baseUri().toString());
            long throttledBefore = server.stats().throttled();
            long requestsBefore = server.stats().totalRequests();
            long start = System.nanoTime();
            Process shell = pb.start();
            try (var in = shell.getOutputStream()) {
                // --override-limit: a bench suspends far more than the 20% of the org a real run may touch unasked
                in.write(("load --op " + op + " " + plan + "\npreview\nrun --yes" + (email ? "" : " --override-limit")
                                + "\n")
                        .getBytes());
            }
            long peakRssKb = 0;
            while (!shell.waitFor(200, TimeUnit.MILLISECONDS)) {
                peakRssKb = Math.max(peakRssKb, vmHwmKb(shell.pid()));
            }
            double wall = (System.nanoTime() - start) / 1e9;
            List<Long> times = new ArrayList<>(putTimes);
            times.sort(Long::compare);
            double runSeconds = times.size() < 2 ? Double.NaN : (times.get(times.size() - 1) - times.get(0)) / 1e9;
            double runRate = times.size() / runSeconds;
            long throttled = server.stats().throttled() - throttledBefore;
            long requests = server.stats().totalRequests() - requestsBefore;
            String log = Files.readString(work.resolve("orgshell.log"));
            String summary = log.lines()
                    .filter(l -> l.startsWith("run "))
                    .findFirst()
                    .orElse("(no summary: see " + work.resolve("orgshell.log") + ")");

            // the python/curl loop: one request after another, each waiting for the previous answer
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            long loopStart = System.nanoTime();
            int loopOk = 0;
            for (SandboxUser u : plain.subList(o.rows(), o.rows() + o.loopRows())) {
                HttpRequest.Builder request = email
                        ? HttpRequest.newBuilder(
                                        URI.create(server.baseUri() + "/users/" + u.accountId() + "/manage/email"))
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + Accounts.movedAddress(u) + "\"}"))
                        : HttpRequest.newBuilder(URI.create(server.baseUri() + "/admin/v2/orgs/" + server.orgId()
                                        + "/directories/"
                                        + server.org().directory().id() + "/users/" + u.accountId() + "/suspend"))
                                .POST(HttpRequest.BodyPublishers.noBody());
                HttpResponse<Void> r = http.send(
                        request.header("Authorization", "Bearer " + server.apiKey())
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    loopOk++;
                }
            }
            double loopRate = loopOk / ((System.nanoTime() - loopStart) / 1e9);

            String report = String.format(
                    Locale.ROOT,
                    """
                    | measure (%s, %,d rows; limit %.0f req/s; latency %d ms) | orgshell run | one-after-another loop |
                    | --- | --- | --- |
                    | rows/s | %.1f | %.1f (%d rows) |
                    | ratio to the rate limit | %.2f | %.2f |
                    | 429s received (per 1,000 requests) | %d (%.1f) | - |
                    | requests sent (load + preview + run) | %,d | - |
                    | wall time, process start to exit | %.1f s | - |
                    | peak RSS of the orgshell process (-Xmx128m) | %,d MB | - |
                    orgshell's own summary: %s
                    """,
                    op,
                    o.rows(),
                    o.rate(),
                    o.latencyMs(),
                    runRate,
                    loopRate,
                    loopOk,
                    runRate / o.rate(),
                    loopRate / o.rate(),
                    throttled,
                    1000.0 * throttled / Math.max(1, requests),
                    requests,
                    wall,
                    peakRssKb / 1024,
                    summary);
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-" + op + ".md"), report);
        }
    }

    /** The resident-set high-water mark of a process (Linux), in kB; 0 when unknown. */
    static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}

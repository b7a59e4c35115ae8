package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgshell.api.ApiKey;
import io.orgshell.support.Slow;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

@Slow
class SandboxMainTest {

    @Test
    void parsesEveryOption() {
        SandboxConfig c = SandboxMain.parse(
                new String[] {
                    "--port",
                    "0",
                    "--users",
                    "77",
                    "--seed",
                    "9",
                    "--rate",
                    "12.5",
                    "--latency-ms",
                    "3",
                    "--fault-rate",
                    "0.25",
                    "--api-key",
                    "k",
                    "--org-id",
                    "my-org",
                    "--page-size",
                    "10",
                    "--no-v2",
                    "--retry-after",
                    "http-date",
                    "--slow-response-ms=500",
                    "--hostile-strings",
                    "--legacy-v1",
                    "--directories",
                    "3"
                },
                Map.of());
        assertThat(c)
                .isEqualTo(new SandboxConfig(
                        0,
                        77,
                        9,
                        12.5,
                        3,
                        0.25,
                        "k",
                        "my-org",
                        10,
                        false,
                        500,
                        RetryAfterMode.HTTP_DATE,
                        true,
                        true,
                        3,
                        false));
        assertThat(SandboxMain.parse(new String[] {"--retry-after", "none"}, Map.of())
                        .retryAfterMode())
                .isEqualTo(RetryAfterMode.NONE);
    }

    @Test
    void helpIsAskedForAndNamesEveryOptionParseTakes() throws Exception {
        assertThat(SandboxMain.wantsHelp(new String[] {"--users", "5", "--help"}))
                .isTrue();
        assertThat(SandboxMain.wantsHelp(new String[] {"-h"})).isTrue();
        assertThat(SandboxMain.wantsHelp(new String[] {"--users", "5"})).isFalse();
        String source = Files.readString(Path.of("src/main/java/io/orgshell/sandbox/SandboxMain.java"));
        Matcher taken =
                Pattern.compile("(?:case |opt\\.equals\\()\"(--[a-z0-9-]+)\"").matcher(source);
        int options = 0;
        while (taken.find()) {
            options++;
            assertThat(SandboxMain.USAGE).as("usage names " + taken.group(1)).contains(taken.group(1));
        }
        assertThat(options).isGreaterThan(10);
    }

    @Test
    void orgIdFollowsTheSeedUnlessGiven() {
        assertThat(SandboxMain.parse(new String[] {"--seed", "5"}, Map.of()).effectiveOrgId())
                .isEqualTo(SandboxConfig.orgIdForSeed(5));
        assertThat(SandboxMain.parse(new String[0], Map.of()).effectiveOrgId())
                .isEqualTo(SandboxConfig.defaults().orgId());
    }

    @Test
    void apiKeyFromTheEnvironmentUnlessGivenAsOption() {
        Map<String, String> env = Map.of(SandboxMain.KEY_ENV, "from-env");
        assertThat(SandboxMain.parse(new String[0], env).apiKey()).isEqualTo("from-env");
        assertThat(SandboxMain.parse(new String[] {"--api-key", "opt"}, env).apiKey())
                .isEqualTo("opt");
    }

    @Test
    void badOptionsGiveOneClearMessage() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--users", "many"}, Map.of()))
                .hasMessage("--users needs a number, got: many");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--bogus", "1"}, Map.of()))
                .hasMessage("unknown option: --bogus");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"}, Map.of()))
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--fault-rate", "2"}, Map.of()))
                .hasMessageContaining("fault rate");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--retry-after", "soon"}, Map.of()))
                .hasMessageContaining("--retry-after");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--api-key", " "}, Map.of()))
                .hasMessage("--api-key must not be empty");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"stray"}, Map.of()))
                .hasMessage("unexpected argument: stray");
    }

    @Test
    void seeds100kUsersWithDistinctIdsAndEmails() {
        // how long this takes is for scripts/bench (export and preview start a 100,000-account sandbox), not a test
        SeedData data = new SeedGenerator(42, 100_000).generate();
        assertThat(data.users()).hasSize(100_000);
        assertThat(data.users().stream().map(SandboxUser::accountId).distinct().count())
                .isEqualTo(100_000);
        assertThat(data.users().stream()
                        .map(u -> u.email().toLowerCase(Locale.ROOT))
                        .distinct()
                        .count())
                .isEqualTo(100_000);
    }

    @TempDir
    Path tmp;

    /** Runs SandboxMain in its own JVM with a 256 MB heap; its stdout and stderr go to files in {@link #tmp}. */
    private Process java(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                SandboxMain.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().remove(SandboxMain.KEY_ENV);
        return pb.start();
    }

    private String stdout() throws IOException {
        return Files.readString(tmp.resolve("out.txt"));
    }

    private String stderr() throws IOException {
        return Files.readString(tmp.resolve("err.txt"));
    }

    @Test
    void badOptionExitsWith2AndOneLineOnStderr() throws Exception {
        Process p = java("--users", "lots", "--api-key", "super-secret-key");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        String err = stderr();
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(err).contains("--users").doesNotContain("super-secret-key");
        assertThat(stdout()).isEmpty();
    }

    /** The line that names the org is printed raw: a hostile org's name must not reach the terminal as escapes. */
    @Test
    void theOrgLineShowsAHostileNameInert() {
        String hostile = "Acme \u001b]0;owned\u0007\u001b[2J \u009b31m \u202eSandbox";
        String shown = SandboxMain.printable(hostile);
        assertThat(shown)
                .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e")
                .isEqualTo("Acme \\u001B]0;owned\\u0007\\u001B[2J \\u009B31m \\u202ESandbox");
        assertThat(SandboxMain.printable("Acme Sandbox é")).isEqualTo("Acme Sandbox é");
    }

    /** The standalone server seeds and serves 100,000 users in a 256 MB heap, and never prints the key. */
    @Test
    void standaloneServesAHundredThousandUsersIn256Mb() throws Exception {
        Process p = java("--users", "100000", "--page-size", "1000", "--api-key", "super-secret-key");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (stdout().lines().count() < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            String line = stdout().lines().findFirst().orElse("");
            assertThat(line).matches("listening on http://127\\.0\\.0\\.1:\\d+");
            assertThat(stdout().lines().skip(1).findFirst().orElse(""))
                    .as("what connecting needs")
                    .isEqualTo("org " + SandboxConfig.orgIdForSeed(42) + " (Acme Sandbox), key "
                            + SandboxMain.fingerprint("super-secret-key"))
                    .isEqualTo("org " + SandboxConfig.orgIdForSeed(42) + " (Acme Sandbox), key "
                            + ApiKey.of("super-secret-key").fingerprint());
            String base = line.substring("listening on ".length());
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String orgId = SandboxConfig.orgIdForSeed(42);

            long t0 = System.nanoTime();
            Set<String> ids = new HashSet<>(200_000);
            String next = base + "/admin/v1/orgs/" + orgId + "/users";
            int total = -1;
            int pages = 0;
            while (next != null) {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(next))
                                .header("Authorization", "Bearer super-secret-key")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                // a streaming read: the test's own parsing must not dominate the time of 92 big pages
                next = null;
                try (JsonParser parser = SandboxHttp.JSON.createParser(r.body())) {
                    for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                        if (t != JsonToken.PROPERTY_NAME) continue;
                        switch (parser.currentName()) {
                            case "account_id" -> ids.add(parser.nextStringValue());
                            case "total" -> total = parser.nextIntValue(-1);
                            case "next" -> next = parser.nextStringValue();
                            default -> {}
                        }
                    }
                }
                pages++;
            }
            assertThat(ids).hasSize(total); // no duplicates
            assertThat(pages).isEqualTo((total + 999) / 1000);
            assertThat(total).isBetween(85_000, 98_000);
            System.out.printf("paged %d users in %d ms%n", total, (System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();

            // the streamed dump of every account, read as a stream too
            HttpResponse<InputStream> all = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/__sandbox/users"))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            int count = 0;
            try (JsonParser parser = SandboxHttp.JSON.createParser(all.body())) {
                int depth = 0;
                for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                    if (t == JsonToken.START_OBJECT && ++depth == 1) count++;
                    if (t == JsonToken.END_OBJECT) depth--;
                }
            }
            assertThat(count).isEqualTo(100_000);
            System.out.printf("streamed %d users in %d ms%n", count, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            p.destroy(); // SIGTERM: the shutdown hook closes the server
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stdout().lines().count())
                .as("the two lines when ready, nothing else")
                .isEqualTo(2);
        assertThat(stdout() + stderr()).doesNotContain("super-secret-key");
        assertThat(stderr()).doesNotContain("super-secret-key").doesNotContain("OutOfMemoryError");
    }
}

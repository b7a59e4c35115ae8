package io.orgshell.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox as a standalone server:
 * <pre>
 * SandboxMain [--port P] [--users N] [--seed S] [--rate N] [--latency-ms L] [--fault-rate F] [--api-key K]
 *             [--org-id O] [--page-size N] [--no-v2] [--legacy-v1] [--directories N] [--hostile-strings]
 *             [--single-domain]
 *             [--retry-after seconds|http-date|none] [--slow-response-ms M]
 * </pre>
 * {@code --no-v2} plays a proxy that allow-lists only {@code /admin/v1}; {@code --legacy-v1} serves the v1 user and
 * group endpoints Atlassian retired after 2026-06-30 as they were (by default they answer as retired);
 * {@code --directories N} gives the org N directories, the accounts and groups spread over them.
 * The key may also come from {@code ORGSHELL_SANDBOX_API_KEY} (the option wins). When ready it prints one line,
 * {@code listening on http://127.0.0.1:PORT} and a line with the org ID and the key's fingerprint, then serves
 * until the process is stopped. It never prints the key.
 * A bad option prints one line on stderr and exits with status 2.
 */
public final class SandboxMain {

    static final String KEY_ENV = "ORGSHELL_SANDBOX_API_KEY";

    private SandboxMain() {}

    static final String USAGE = """
            usage: scripts/sandbox [--port P] [--users N] [--seed S] [--rate N] [--latency-ms L] [--fault-rate F]
                                   [--api-key K] [--org-id O] [--page-size N] [--no-v2] [--legacy-v1] [--directories N]
                                   [--hostile-strings] [--retry-after seconds|http-date|none] [--slow-response-ms M]
                                   [--single-domain]
              --no-v2          /admin/v2 answers 404, as behind a proxy that allow-lists /admin/v1
              --single-domain  every account on one verified domain (acme.example)
              --legacy-v1      the v1 user and group endpoints retired after 2026-06-30 work as they used to
                               (by default they answer 410 Gone, naming their v2 replacement)
              --directories N  an org with N directories, its accounts and groups spread over them
            The key may also come from ORGSHELL_SANDBOX_API_KEY (default sandbox-api-key). When ready it prints
            'listening on http://127.0.0.1:PORT' and the org ID with the key's fingerprint.""";

    /** {@code --help} or {@code -h} anywhere asks for the usage, not a server. */
    static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    public static void main(String[] args) {
        if (wantsHelp(args)) {
            System.out.println(USAGE);
            return;
        }
        SandboxConfig config;
        try {
            config = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(config);
        } catch (IOException e) {
            System.err.println("sandbox: cannot listen on port " + config.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "sandbox-shutdown"));
        System.out.println("listening on " + server.baseUri());
        // what connecting needs, the key only as the fingerprint 'status' shows for it
        System.out.println("org " + server.orgId() + " (" + printable(server.orgName()) + "), key "
                + fingerprint(server.apiKey()));
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first four bytes of the key's SHA-256, as orgshell's {@code status} prints a key's fingerprint. */
    static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses the command line; throws IllegalArgumentException with a one-line message on a bad option. */
    static SandboxConfig parse(String[] args, Map<String, String> env) {
        SandboxConfig c = SandboxConfig.defaults().withOrgId(null);
        String envKey = env.get(KEY_ENV);
        if (envKey != null && !envKey.isBlank()) c = c.withApiKey(envKey);
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("--no-v2")) {
                c = c.withV2Enabled(false);
                continue;
            }
            if (opt.equals("--legacy-v1")) {
                c = c.withLegacyV1(true);
                continue;
            }
            if (opt.equals("--single-domain")) {
                c = c.withSingleDomain(true);
                continue;
            }
            if (opt.equals("--hostile-strings")) {
                c = c.withHostileStrings(true);
                continue;
            }
            if (!opt.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + opt);
            String name = opt;
            String value;
            int eq = opt.indexOf('=');
            if (eq > 0) {
                name = opt.substring(0, eq);
                value = opt.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException(opt + " needs a value");
                value = args[++i];
            }
            try {
                c = switch (name) {
                    case "--port" -> c.withPort(Integer.parseInt(value));
                    case "--users" -> c.withUsers(Integer.parseInt(value));
                    case "--seed" -> c.withSeed(Long.parseLong(value));
                    case "--rate" -> c.withRatePerSecond(Double.parseDouble(value));
                    case "--latency-ms" -> c.withLatencyMs(Integer.parseInt(value));
                    case "--fault-rate" -> c.withFaultRate(Double.parseDouble(value));
                    case "--api-key" -> c.withApiKey(value);
                    case "--org-id" -> c.withOrgId(value.isBlank() ? null : value);
                    case "--page-size" -> c.withPageSize(Integer.parseInt(value));
                    case "--directories" -> c.withDirectories(Integer.parseInt(value));
                    case "--slow-response-ms" -> c.withSlowResponseMs(Integer.parseInt(value));
                    case "--retry-after" -> c.withRetryAfterMode(retryAfter(value));
                    default -> throw new IllegalArgumentException("unknown option: " + name);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, got: " + value);
            } catch (IllegalArgumentException e) {
                // never echo the key back: it may be what was wrong
                if (name.equals("--api-key")) throw new IllegalArgumentException("--api-key must not be empty");
                throw e;
            }
        }
        return c;
    }

    private static RetryAfterMode retryAfter(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "seconds" -> RetryAfterMode.SECONDS;
            case "http-date" -> RetryAfterMode.HTTP_DATE;
            case "none" -> RetryAfterMode.NONE;
            default -> throw new IllegalArgumentException("--retry-after must be seconds, http-date or none: " + v);
        };
    }

    /**
     * The org name as a terminal shows it harmlessly: a {@code --hostile-strings} org's name carries escapes, and this
     * line is printed raw. Control, format and bidi characters become {@code \\uXXXX} (the sandbox has no
     * dependency on the product's sanitizer).
     */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

package io.orgshell.support;

import io.orgshell.OrgShellApplication;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** orgshell in a JVM of its own, as a user starts it: arguments, environment, standard input, exit code. */
public final class OrgShellProcess {

    private static final Set<String> PROXY_VARIABLES = Set.of("http_proxy", "https_proxy", "all_proxy", "no_proxy");

    public record Finished(int exitCode, String out, String err) {}

    private final Process process;
    private final Path out;
    private final Path err;

    private OrgShellProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts orgshell with {@code home} as HOME and its config directory under it; {@code stdin} null = none. */
    public static OrgShellProcess start(Path home, Map<String, String> env, String stdin, String... args)
            throws IOException {
        return start(List.of(), home, env, stdin, args);
    }

    /** The same, with extra JVM options (a small heap, say). */
    public static OrgShellProcess start(
            List<String> jvmOptions, Path home, Map<String, String> env, String stdin, String... args)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, args));
        environment(pb, home, env);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new OrgShellProcess(p, out, err);
    }

    /** The command line that starts orgshell in a JVM of its own. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OrgShellApplication.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * No ORGSHELL_ variable and no proxy variable of the build's own environment, {@code home} as HOME, then
     * {@code env}.
     */
    public static void environment(ProcessBuilder pb, Path home, Map<String, String> env) {
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("ORGSHELL_") || PROXY_VARIABLES.contains(k.toLowerCase(Locale.ROOT)));
        pb.environment().put("ORGSHELL_CONFIG_DIR", home.resolve("config").toString());
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(env);
    }

    public static Finished run(Path home, Map<String, String> env, String stdin, String... args) throws Exception {
        return start(home, env, stdin, args).await();
    }

    public Finished await() throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("orgshell did not finish");
        }
        return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** What it has written to standard error so far: its messages, when standard output is not a terminal. */
    public String errSoFar() throws IOException {
        return Files.readString(err);
    }
}

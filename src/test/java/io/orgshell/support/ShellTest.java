package io.orgshell.support;

import io.orgshell.OrgShellApplication;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.session.SandboxLauncher;
import io.orgshell.session.SessionService;
import io.orgshell.shell.CommandDispatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the real Spring context (one, shared by every test class), commands run through the
 * same {@link CommandDispatcher} as the interactive shell, and the WebClient client talking over HTTP to a sandbox
 * org that each test class starts on a free loopback port.
 */
@SpringBootTest(classes = OrgShellApplication.class, useMainMethod = SpringBootTest.UseMainMethod.NEVER)
@ActiveProfiles("test")
public abstract class ShellTest {

    /** Shared by every test class so the Spring context is cached once. */
    protected static final Path CONFIG_DIR = createConfigDir();

    private static SandboxServer sandbox;

    @Autowired
    protected CommandDispatcher dispatcher;

    @Autowired
    protected SessionService sessions;

    @Autowired
    protected SandboxLauncher sandboxLauncher;

    @Autowired
    private CommandCompleter completer;

    /**
     * The console the next commands run with: by default standard output is a file, and nobody is there to answer.
     * A field of the test instance, so each test starts from that default.
     */
    private Seat seat = new Seat(false, false, 0, false);

    private record Seat(boolean person, boolean outputIsTerminal, int width, boolean colour) {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("orgshell.config-dir", CONFIG_DIR::toString);
    }

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    /** Starts (once per test class) a sandbox with this configuration and connects the shell to it. */
    protected SandboxServer sandbox(SandboxConfig config) {
        if (SandboxConfig.orgIdForSeed(SandboxConfig.DEFAULT_SEED).equals(config.orgId())) {
            // an org of its own for each test class: runs are found by org, and the config directory is shared
            config =
                    config.withOrgId(UUID.nameUUIDFromBytes(getClass().getName().getBytes(StandardCharsets.UTF_8))
                            .toString());
        }
        if (sandbox == null) {
            try {
                sandbox = SandboxServer.start(config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sandbox;
    }

    /** This class's sandbox, connected and back in its seeded state (a test class's tests share it). */
    protected SandboxServer connectToFresh(SandboxConfig config) {
        SandboxServer server = connectTo(sandbox(config));
        server.reset();
        return server;
    }

    /** A person at a terminal runs the next commands: they may ask, and draw tables and progress. */
    protected void atTerminal() {
        seat = new Seat(true, true, 0, false);
    }

    /** The next commands write to a terminal {@code width} columns wide, with nobody to answer (one command). */
    protected void outputToTerminal(int width, boolean colour) {
        seat = new Seat(false, true, width, colour);
    }

    /** The next commands write to a file or a pipe, and nobody answers: a script. */
    protected void noTerminal() {
        seat = new Seat(false, false, 0, false);
    }

    /** The console a command gets with the seat the test chose. */
    protected Console console(PrintWriter out, PrintWriter err, InputReader input) {
        return Console.builder(out, err)
                .input(input)
                .styles(new Styles(seat.colour()), new Styles(seat.colour()))
                .personAnswers(seat.person())
                .outputIsTerminal(seat.outputIsTerminal())
                .liveProgress(seat.person())
                .width(seat::width)
                .build();
    }

    /** What a test queued in the sandbox ends with it. */
    @AfterEach
    void noFaultQueued() {
        if (sandbox != null) {
            sandbox.faults().clear();
        }
    }

    protected SandboxServer connectTo(SandboxServer server) {
        NoSecretOnDisk.register(server.apiKey());
        sandboxLauncher.use(server.access());
        ok(run("connect --sandbox"));
        return server;
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /** What tab completion offers for a line typed up to its end. */
    protected List<String> complete(String line) {
        var parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    protected Result run(String line) {
        return run(line, new NoInput());
    }

    protected Result run(String line, InputReader input) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dispatcher.execute(line, console(new PrintWriter(out, true), new PrintWriter(err, true), input));
        NoSecretOnDisk.assertNoKeyIn(out + "\n" + err, "the console output of '" + line + "'");
        return new Result(code, out.toString(), err.toString());
    }

    /** A set-up step (connect, load, preview...) that must succeed: a broken set-up fails here, with its output. */
    protected static Result ok(Result r) {
        if (r.exitCode() != ExitCodes.OK) {
            throw new AssertionError("expected exit " + ExitCodes.OK + " but got " + r);
        }
        return r;
    }

    static final class NoInput implements InputReader {}

    private static Path createConfigDir() {
        try {
            return Files.createTempDirectory("orgshell-test-config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.orgshell.support;

import io.orgshell.sandbox.SandboxServer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.core.InputReader;

/**
 * The admin at the terminal during a run: answers each prompt in turn (then "q"), noting each prompt and how many
 * writes the sandbox had seen when it was asked.
 */
public final class Operator implements InputReader {
    public final List<String> prompts = new ArrayList<>();
    public final List<Integer> writesWhenAsked = new ArrayList<>();
    private final SandboxServer server;
    private final String[] replies;

    public Operator(SandboxServer server, String... replies) {
        this.server = server;
        this.replies = replies;
    }

    @Override
    public String readInput(String prompt) {
        writesWhenAsked.add(server.stats().writes().size());
        prompts.add(prompt);
        int i = prompts.size() - 1;
        return i < replies.length ? replies[i] : "q";
    }
}

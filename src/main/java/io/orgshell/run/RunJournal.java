package io.orgshell.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.orgshell.core.OwnerOnlyFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of a run, one JSON object per line, forced to disk before the request it announces is
 * sent and after its answer: {@code intent} (about to re-check and write), {@code sent} (the write is on the wire),
 * {@code result} (its outcome). After a crash, a step with an intent but no result is uncertain and is re-read from
 * the org before anything is sent again. A torn last line (the process died mid-write) is tolerated and reported.
 */
public final class RunJournal implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FileChannel channel;

    private RunJournal(FileChannel channel) {
        this.channel = channel;
    }

    public static RunJournal open(Path file) throws IOException {
        if (!Files.exists(file)) {
            OwnerOnlyFiles.ensureFile(file);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        RunJournal journal = new RunJournal(ch);
        journal.endTornLine(file);
        return journal;
    }

    /**
     * A line torn by a crash would glue itself to the next record: cut the file back to its last complete line
     * (replay has already reported the torn tail) and say so in the journal.
     */
    private void endTornLine(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        long keep;
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            int window = (int) Math.min(size, 1 << 20);
            ByteBuffer tail = ByteBuffer.allocate(window);
            read.read(tail, size - window);
            int i = window - 1;
            while (i >= 0 && tail.get(i) != '\n') {
                i--;
            }
            keep = size - window + i + 1;
        }
        if (keep < size) {
            channel.truncate(keep);
            append("note", Map.of("text", "removed a torn last line of " + (size - keep) + " bytes"));
        }
    }

    public synchronized void append(String event, Map<String, Object> fields) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("event", event);
        record.putAll(fields);
        record.put("at", Instant.now().toString());
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run journal", e);
        }
    }

    public void intent(int step, String accountId, String from, String to) {
        append("intent", Map.of("step", step, "account", accountId, "from", nz(from), "to", nz(to)));
    }

    public void sent(int step) {
        append("sent", Map.of("step", step));
    }

    public void result(StepResult r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("step", r.step());
        fields.put("outcome", r.outcome().name());
        fields.put("status", r.status());
        fields.put("code", nz(r.code()));
        fields.put("reason", nz(r.reason()));
        if (r.skip() != null) {
            fields.put("skip", r.skip().name());
        }
        append("result", fields);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** What a journal says, read back: the last result of each step, the steps left uncertain, and the last state. */
    public record Replay(Map<Integer, StepResult> results, List<Integer> uncertain, RunState lastState,
                         boolean tornTail, int lines) {
    }

    public static Replay replay(Path file) throws IOException {
        Map<Integer, StepResult> results = new HashMap<>();
        Map<Integer, Boolean> open = new LinkedHashMap<>();
        RunState state = null;
        boolean torn = false;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                node = null;
            }
            if (node == null || !node.isObject() || !node.has("event")) {
                if (isLastRecord(lines, i)) {
                    torn = true;
                    continue;
                }
                throw new IOException(file + ":" + (i + 1) + ": the journal is damaged (not a record)");
            }
            String event = node.get("event").asString();
            switch (event) {
                case "intent", "sent" -> open.put(node.get("step").asInt(), Boolean.TRUE);
                case "result" -> {
                    int step = node.get("step").asInt();
                    results.put(step, new StepResult(step, Outcome.valueOf(node.get("outcome").asString()),
                            node.path("status").asInt(0), emptyToNull(node.path("code").asString("")),
                            emptyToNull(node.path("reason").asString("")),
                            node.hasNonNull("skip") ? SkipReason.valueOf(node.get("skip").asString()) : null));
                    open.remove(step);
                }
                case "state" -> state = RunState.of(node.get("state").asString());
                default -> {
                }
            }
        }
        return new Replay(results, new ArrayList<>(open.keySet()), state, torn, lines.size());
    }

    /** A torn write can only be the last thing written; a damaged line in the middle is corruption. */
    private static boolean isLastRecord(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

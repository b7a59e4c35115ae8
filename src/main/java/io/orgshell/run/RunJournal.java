package io.orgshell.run;

import io.orgshell.core.DurableFiles;
import io.orgshell.core.OwnerOnlyFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
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
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of a run, one JSON object per line, on disk before the request it announces is sent and
 * after its answer: {@code intent} (about to re-check and write), {@code sent} (the write is on the wire),
 * {@code result} (its outcome). After a crash, a step with an intent but no result is uncertain and is re-read from
 * the org before anything is sent again. A torn last line (the process died mid-write) is tolerated and reported;
 * the journal is read a line at a time ({@link JournalLines}), never whole.
 * <p>
 * Written through a {@link RandomAccessFile} opened for synchronous data writes ({@code rwd}), not a
 * {@code FileChannel}: an interrupt (Ctrl-C) closes a channel in use and every later record would be lost. A
 * record that cannot be written whole (a full disk) is cut off again, and the journal refuses every record after
 * it: no write is sent that the journal does not announce.
 */
public final class RunJournal implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RandomAccessFile file;
    private final Path path;
    /** The failure that ended writing, after which nothing more is written. */
    private IOException broken;

    private RunJournal(RandomAccessFile file, Path path) {
        this.file = file;
        this.path = path;
    }

    public static RunJournal open(Path file) throws IOException {
        if (!Files.exists(file)) {
            OwnerOnlyFiles.ensureFile(file);
            DurableFiles.forceDirectory(file.toAbsolutePath().getParent());
        }
        RunJournal journal = new RunJournal(new RandomAccessFile(file.toFile(), "rwd"), file);
        try {
            journal.endTornLine();
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /**
     * A line torn by a crash would glue itself to the next record, or leave damage in the middle of the journal:
     * cut the file back to its last whole record (replay has already reported the torn tail) and say so.
     */
    private void endTornLine() throws IOException {
        long size = file.length();
        long keep = lineStart(file, size);
        if (keep == size && size > 0) {
            // ends with a line end: the last line is kept only if it is a whole record (a power loss can pad it)
            long start = lineStart(file, size - 1);
            long length = size - 1 - start;
            if (length == 0) {
                keep = size;
            } else if (length <= JournalLines.MAX_LINE) {
                byte[] last = new byte[(int) length];
                file.seek(start);
                file.readFully(last);
                keep = JournalLines.isRecord(last) ? size : start;
            } else {
                keep = start;
            }
        }
        if (keep < size) {
            file.setLength(keep);
            append("note", Map.of("text", "removed a torn last line of " + (size - keep) + " bytes"));
        }
    }

    /** Where the line holding the byte before {@code end} starts: just after the {@code \n} before it, or 0. */
    private static long lineStart(RandomAccessFile read, long end) throws IOException {
        byte[] chunk = new byte[1 << 16];
        long position = end;
        while (position > 0) {
            int n = (int) Math.min(chunk.length, position);
            read.seek(position - n);
            read.readFully(chunk, 0, n);
            for (int i = n - 1; i >= 0; i--) {
                if (chunk[i] == '\n') {
                    return position - n + i + 1;
                }
            }
            position -= n;
        }
        return 0;
    }

    /**
     * Appends one record, on disk when this returns. A failure (a full disk) cuts off what was half written, when
     * the file lets it, and ends the journal: this and every later append throws {@link RunFileFailure}.
     */
    public synchronized void append(String event, Map<String, Object> fields) {
        if (broken != null) {
            throw new RunFileFailure("the run journal " + path, broken);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("event", event);
        record.putAll(fields);
        record.put("at", Instant.now().toString());
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        long end = -1;
        try {
            end = file.length();
            file.seek(end);
            file.write(line);
        } catch (IOException e) {
            broken = e;
            if (end >= 0) {
                try {
                    file.setLength(end);
                } catch (IOException cut) {
                    // left torn: replay tolerates it and the next open cuts it
                }
            }
            throw new RunFileFailure("the run journal " + path, e);
        }
    }

    /** The failure that ended writing, after which the journal takes no record; null while it writes. */
    synchronized RunFileFailure failure() {
        return broken == null ? null : new RunFileFailure("the run journal " + path, broken);
    }

    public void intent(int step, String accountId, String from, String to) {
        append(
                "intent",
                Map.of(
                        "step",
                        step,
                        "account",
                        accountId,
                        "from",
                        Objects.toString(from, ""),
                        "to",
                        Objects.toString(to, "")));
    }

    public void sent(int step) {
        append("sent", Map.of("step", step));
    }

    /** The write was answered with success; its result waits for the account to show it. */
    public void answered(int step, int status) {
        append("answered", Map.of("step", step, "status", status));
    }

    public void result(StepResult r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("step", r.step());
        fields.put("outcome", r.outcome().name());
        fields.put("status", r.status());
        fields.put("code", Objects.toString(r.code(), ""));
        fields.put("reason", Objects.toString(r.reason(), ""));
        if (r.skip() != null) {
            fields.put("skip", r.skip().name());
        }
        append("result", fields);
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }

    /**
     * What a journal says, read back: the last result of each step, the steps left uncertain, and the last state;
     * {@code answered}: the uncertain steps whose write was answered with success (by step, the status answered).
     */
    public record Replay(
            Map<Integer, StepResult> results,
            List<Integer> uncertain,
            RunState lastState,
            boolean tornTail,
            long lines,
            Map<Integer, Integer> answered) {}

    public static Replay replay(Path file) throws IOException {
        Map<Integer, StepResult> results = new HashMap<>();
        Map<Integer, Boolean> open = new LinkedHashMap<>();
        Map<Integer, Integer> answered = new HashMap<>();
        RunState[] state = {null};
        JournalLines.Summary read = JournalLines.read(file, 0, Files.size(file), node -> {
            switch (node.get("event").asString()) {
                case "intent", "sent" -> {
                    // a step taken up again after its result ([r]etry failed) has only its new attempt's outcome:
                    // with no result after it, the write may have landed, and resume reads the account first
                    int step = node.get("step").asInt();
                    results.remove(step);
                    answered.remove(step);
                    open.put(step, Boolean.TRUE);
                }
                case "answered" ->
                    answered.put(node.get("step").asInt(), node.get("status").asInt());
                case "result" -> {
                    StepResult r = result(node);
                    results.put(r.step(), r);
                    open.remove(r.step());
                    answered.remove(r.step());
                }
                case "state" -> state[0] = RunState.of(node.get("state").asString());
                default -> {}
            }
        });
        return new Replay(results, new ArrayList<>(open.keySet()), state[0], read.tornTail(), read.lines(), answered);
    }

    /**
     * What the journal holds after its first {@code from} bytes, as far as the files derived from it care: how
     * many step results, retries and state changes, and the state it was last left in ({@code resume} and
     * {@code start} mean a process took the run up, which marks it running in {@code run.json} at once, so they
     * change nothing by themselves). Read up to {@code to}, the size it had when asked.
     */
    /** {@code sent}: writes sent after the offset, whose result may never have been recorded (a crash before it). */
    record Tail(int results, int retries, int states, int sent, RunState state, String lastAt) {
        boolean changesFiles() {
            return results > 0 || retries > 0 || states > 0 || sent > 0;
        }
    }

    /**
     * The steps of each batch, in the order sent, numbered from 1 over the whole run (a resumed run's batches follow
     * its earlier ones); empty for a run made before batches were journaled.
     */
    public static List<List<Integer>> batches(Path file) throws IOException {
        List<List<Integer>> batches = new ArrayList<>();
        JournalLines.read(file, 0, Files.size(file), node -> {
            if ("batch".equals(node.get("event").asString())) {
                List<Integer> steps = new ArrayList<>();
                node.path("steps").forEach(n -> steps.add(n.asInt()));
                batches.add(steps);
            }
        });
        return batches;
    }

    static Tail tail(Path file, long from, long to) throws IOException {
        int[] counts = new int[4];
        RunState[] state = {null};
        String[] at = {null};
        JournalLines.read(file, from, to, node -> {
            switch (node.get("event").asString()) {
                case "result" -> counts[0]++;
                case "retry" -> counts[1]++;
                case "sent" -> counts[3]++;
                case "state" -> {
                    counts[2]++;
                    state[0] = RunState.of(node.get("state").asString());
                }
                case "start", "resume" -> state[0] = RunState.RUNNING;
                default -> {}
            }
            if (node.hasNonNull("at")) {
                at[0] = node.get("at").asString();
            }
        });
        return new Tail(counts[0], counts[1], counts[2], counts[3], state[0], at[0]);
    }

    /** Whether a line of {@code file} starts at byte {@code offset}: the byte before it ends a line. */
    static boolean lineStartsAt(Path file, long offset) throws IOException {
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            return read.read(one, offset - 1) == 1 && one.get(0) == '\n';
        }
    }

    private static StepResult result(JsonNode node) {
        int step = node.get("step").asInt();
        return new StepResult(
                step,
                Outcome.valueOf(node.get("outcome").asString()),
                node.path("status").asInt(0),
                emptyToNull(node.path("code").asString("")),
                emptyToNull(node.path("reason").asString("")),
                node.hasNonNull("skip") ? SkipReason.valueOf(node.get("skip").asString()) : null);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

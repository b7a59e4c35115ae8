package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a journal says when it is read back after a crash. */
class RunJournalReplayTest {

    @TempDir
    Path tmp;

    @Test
    void aFailedStepRetriedAndSentThenCutOffIsInDoubtNotFailed() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        try (RunJournal journal = RunJournal.open(file)) {
            journal.intent(0, "a", "x@acme.example", "y@acme.example");
            journal.sent(0);
            journal.result(new StepResult(0, Outcome.FAILED, 503, "ADMIN-503", "unavailable"));
            journal.intent(1, "b", "p@acme.example", "q@acme.example");
            journal.sent(1);
            journal.result(new StepResult(1, Outcome.APPLIED, 204, null, null));
            // [r]etry failed: step 0 again, and the process dies before its answer is written
            journal.intent(0, "a", "x@acme.example", "y@acme.example");
            journal.sent(0);
        }
        RunJournal.Replay replay = RunJournal.replay(file);
        assertThat(replay.results()).containsOnlyKeys(1);
        assertThat(replay.uncertain()).containsExactly(0);
    }

    @Test
    void aRetriedStepWithItsNewResultHasThatResult() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        try (RunJournal journal = RunJournal.open(file)) {
            journal.intent(0, "a", "x@acme.example", "y@acme.example");
            journal.sent(0);
            journal.result(new StepResult(0, Outcome.FAILED, 503, "ADMIN-503", "unavailable"));
            journal.intent(0, "a", "x@acme.example", "y@acme.example");
            journal.sent(0);
            journal.result(new StepResult(0, Outcome.APPLIED, 204, null, null));
        }
        RunJournal.Replay replay = RunJournal.replay(file);
        assertThat(replay.results().get(0).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(replay.uncertain()).isEmpty();
    }

    @Test
    void aRecordThatCannotBeReadIsDamageNamedByItsLine() throws Exception {
        Path file = tmp.resolve("journal.jsonl");
        Files.writeString(
                file, "{\"event\":\"start\"}\n{\"event\":\"state\",\"state\":\"bogus\"}\n{\"event\":\"start\"}\n");
        assertThatThrownBy(() -> RunJournal.replay(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("journal.jsonl:2: the journal is damaged")
                .hasMessageContaining("not a run state: bogus");
        Files.writeString(file, "{\"event\":\"result\"}\n");
        assertThatThrownBy(() -> RunJournal.replay(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("journal.jsonl:1: the journal is damaged");
    }
}

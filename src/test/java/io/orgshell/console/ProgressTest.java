package io.orgshell.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void workCarriedFromBeforeAResumeShowsAsDoneButNotInTheRate() {
        Progress p = new Progress(new PrintWriter(new StringWriter()), false, "writing", 100);
        p.carry(50);
        p.advance(10);
        String line = p.line(System.nanoTime() + 1_000_000_000L);
        assertThat(line).contains("60/100 60%").contains(" 10/s").contains("ETA 4s");
    }
}

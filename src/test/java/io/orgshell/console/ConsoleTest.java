package io.orgshell.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a command's results and messages go, and how a listing is drawn, for each kind of standard output. */
class ConsoleTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    static final Console.Table DOMAINS = new Console.Table(
            List.of("Domain", "Status"), List.of(List.of("acme.example", "verified"), List.of("b.example", "pending")));

    Console.Builder console() {
        return Console.builder(new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void inAPipeMessagesGoToStandardErrorAndListingsAreTabSeparated() {
        Console c = console().build();
        c.print(DOMAINS);
        c.messages().println("2 domains");
        assertThat(out.toString()).isEqualTo("Domain\tStatus\nacme.example\tverified\nb.example\tpending\n");
        assertThat(err.toString()).isEqualTo("2 domains\n");
        assertThat(c.width()).isEqualTo(Console.NO_TERMINAL_WIDTH);
        assertThat(c.liveProgress()).isFalse();
    }

    @Test
    void atATerminalMessagesStayBesideTheTableDrawnToItsWidth() {
        Console c = console().outputIsTerminal(true).width(() -> 30).build();
        c.print(DOMAINS);
        c.messages().println("2 domains");
        assertThat(out.toString()).contains("│").doesNotContain("\t").endsWith("2 domains\n");
        assertThat(out.toString().lines()).allMatch(l -> l.length() <= 30);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withDataOnStandardOutputMessagesKeepOffItEvenAtATerminal() {
        Console c = console().outputIsTerminal(true).liveProgress(true).build().dataOnOut();
        c.messages().println("written to -");
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("written to -\n");
        assertThat(c.liveProgress()).as("no bar redrawn beside the data").isFalse();
    }

    @Test
    void aPersonAnswersOnlyAtATerminalAndAnUnknownWidthIsTheDefault() {
        Console script = console().build();
        Console person = console().personAnswers(true).width(() -> 0).build();
        assertThat(script.canAsk()).isFalse();
        assertThat(person.canAsk()).isTrue();
        assertThat(person.outputIsTerminal()).isTrue();
        assertThat(person.width()).isEqualTo(Console.DEFAULT_WIDTH);
    }

    @Test
    void messagesTakeTheColoursOfTheStreamTheyGoTo() {
        Console pipe = console().styles(new Styles(true), new Styles(false)).build();
        Console terminal = console()
                .styles(new Styles(true), new Styles(false))
                .outputIsTerminal(true)
                .build();
        assertThat(pipe.messageStyles().color()).isFalse();
        assertThat(terminal.messageStyles().color()).isTrue();
        assertThat(terminal.dataOnOut().messageStyles().color()).isFalse();
    }
}

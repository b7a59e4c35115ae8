package io.orgshell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.support.ShellTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.CommandCompleter;

/** Tab on a command name completes one word at a time, each a plain word the parser reads back as typed. */
class CommandNameCompletionTest extends ShellTest {

    @Autowired
    CommandCompleter completer;

    @Autowired
    Parser parser;

    List<Candidate> candidates(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parser.parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates;
    }

    List<String> values(String line) {
        return candidates(line).stream().map(Candidate::value).toList();
    }

    @Test
    void eachWordOfANameIsACandidateOfItsOwn() {
        assertThat(values(""))
                .contains("domains", "users", "runs", "load", "help", "quit")
                .allMatch(v -> !v.contains(" "));
        assertThat(values("users ")).containsExactly("export", "find", "show");
        assertThat(values("domains ")).containsExactly("list");
        assertThat(values("runs ")).containsExactly("list", "prune", "show");
        assertThat(values("help users ")).containsExactly("export", "find", "show");
        assertThat(values("help ")).contains("domains", "plan").doesNotContain("quit");
        assertThat(candidates("users ")).allMatch(Candidate::complete);
        assertThat(candidates("").stream().filter(c -> c.value().equals("users")))
                .singleElement()
                .extracting(Candidate::descr, Candidate::group)
                .containsExactly("export, find, show", "Users");
    }

    @Test
    void theLineEditorInsertsOneWordAndASpace() throws IOException {
        LineEditor editor = new LineEditor(completer, parser);
        assertThat(editor.type("dom\t")).isEqualTo("domains ");
        assertThat(editor.type("dom\t\t")).isEqualTo("domains list ");
        assertThat(editor.type("use\t")).isEqualTo("users ");
        assertThat(editor.type("users sh\t")).isEqualTo("users show ");
        assertThat(editor.type("help do\t\t")).isEqualTo("help domains list ");
        assertThat(editor.type("domains list --a\t")).isEqualTo("domains list --all ");
    }
}

package io.orgshell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.UserHome;
import io.orgshell.shell.ShellCommandParser;
import io.orgshell.support.ShellTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Tab on file names with spaces, through JLine's line editor with the shell's completer and line parser: the
 * completed line splits back (ShellCommandParser) into the same path, typed bare, inside a quote, or under {@code ~}.
 */
class FilePathCompletionTest extends ShellTest {

    @Autowired
    CommandCompleter completer;

    @Autowired
    Parser parser;

    @TempDir
    Path tmp;

    String type(String keys) throws IOException {
        return new LineEditor(completer, parser).type(keys);
    }

    @Test
    void aNameWithSpacesCompletesToAWordThatReadsBackTheSame() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("my plans"));
        Path file = Files.writeString(folder.resolve("offboarding list.csv"), "account_id\n");

        String bare = type("load " + tmp + "/my\toff\t");
        assertThat(ShellCommandParser.tokenize(bare)).containsExactly("load", file.toString());

        String quoted = type("load \"" + tmp + "/my pl\toff\t");
        assertThat(ShellCommandParser.tokenize(quoted)).containsExactly("load", file.toString());

        Path quote = Files.writeString(folder.resolve("Bob's \"final\" list.csv"), "account_id\n");
        String withQuotes = type("load " + tmp + "/my\tBob\t");
        assertThat(ShellCommandParser.tokenize(withQuotes)).containsExactly("load", quote.toString());

        String option = type("domains list --out " + tmp + "/my\t");
        assertThat(ShellCommandParser.tokenize(option)).containsExactly("domains", "list", "--out", folder + "/");
    }

    @Test
    void theHomeFolderCompletesAndKeepsItsTilde() throws IOException {
        Path home = UserHome.current().directory();
        String unique = "orgshelltab" + System.nanoTime();
        Path folder = Files.createDirectory(home.resolve(unique + " folder"));
        try {
            Files.writeString(folder.resolve("a b.csv"), "account_id\n");
            String name = folder.getFileName().toString();
            String line = type("load ~/" + unique + "\ta\t");
            assertThat(ShellCommandParser.tokenize(line)).containsExactly("load", "~/" + name + "/a b.csv");
        } finally {
            Files.deleteIfExists(folder.resolve("a b.csv"));
            Files.deleteIfExists(folder);
        }
    }

    @Test
    void aMissingFolderOffersNothingRatherThanFailing() throws IOException {
        assertThat(type("load " + tmp + "/nofolder/x\t")).isEqualTo("load " + tmp + "/nofolder/x");
    }
}

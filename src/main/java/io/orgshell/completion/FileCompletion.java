package io.orgshell.completion;

import io.orgshell.core.Sanitizer;
import io.orgshell.core.UserHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.shell.core.command.completion.CompletionProposal;

/**
 * File names for {@code load}, {@code script} and {@code --out}, in place of Spring Shell's
 * {@code FileNameCompletionProvider}, which throws for a folder that does not exist and knows no {@code ~}. The
 * proposal keeps the folder as typed ({@code ~/plans/}); quoting a name with spaces is left to the line parser
 * ({@code ShellConfiguration#completingParser}), which knows whether the word was opened with a quote.
 */
final class FileCompletion {

    private FileCompletion() {}

    static List<CompletionProposal> complete(String word, int max) {
        String typed = word == null ? "" : word;
        String folder = typed.substring(0, typed.lastIndexOf('/') + 1);
        String prefix = typed.substring(folder.length());
        String expanded = UserHome.current().expand(folder);
        Path dir;
        try {
            dir = Path.of(expanded.isEmpty() ? "." : expanded);
        } catch (InvalidPathException e) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(prefix))
                    .filter(name -> !name.startsWith(".") || prefix.startsWith("."))
                    // a name with control characters would write them into the line being edited
                    .filter(name -> Sanitizer.forTerminal(name).equals(name))
                    .sorted()
                    .limit(max)
                    .map(name -> {
                        boolean folderEntry = Files.isDirectory(dir.resolve(name));
                        String shown = name + (folderEntry ? "/" : "");
                        return new CompletionProposal(folder + shown)
                                .displayText(shown)
                                .complete(!folderEntry);
                    })
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // no such folder, or not readable: nothing to offer
        }
    }
}

package io.orgshell.completion;

import io.orgshell.core.Sanitizer;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunStore;
import io.orgshell.session.Session;
import io.orgshell.shell.AllowedValues;
import io.orgshell.shell.ShellCompleter;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.jline.CommandCompleter;

/**
 * One completion provider for every command, routed by what is being completed: files for {@code --out},
 * {@code load} and {@code script}; accounts for {@code users show}; run IDs for {@code undo} and {@code runs show},
 * and for {@code resume} those of the connected org's unfinished runs; fixed values (statuses, operations) for options with a closed set.
 */
@Configuration(proxyBeanMethods = false)
public class CompletionConfiguration {

    /** Enough to choose from on screen; a longer prefix narrows it down. */
    static final int MAX_PROPOSALS = 200;

    static final Set<String> FILE_OPTIONS = Set.of("out", "file", "csv");
    static final Set<String> ACCOUNT_COMMANDS = Set.of("users show");
    static final String RESUME = "resume";
    static final Set<String> RUN_COMMANDS = Set.of(RESUME, "undo", "runs show", "runs prune");
    static final Set<String> FILE_COMMANDS = Set.of("load", "script");

    @Bean
    CompletionProvider completion(Session session, RunStore runs) {
        return ctx -> {
            String word = ctx.currentWordUpToCursor() == null ? "" : ctx.currentWordUpToCursor();
            String option = ctx.getCommandOption() == null
                    ? null
                    : ctx.getCommandOption().longName();
            if (option != null && FILE_OPTIONS.contains(option)) {
                return FileCompletion.complete(word, MAX_PROPOSALS);
            }
            if (option != null && !AllowedValues.of(option).isEmpty()) {
                return AllowedValues.of(option).stream()
                        .filter(v -> v.startsWith(word))
                        .map(CompletionProposal::new)
                        .toList();
            }
            String command = ctx.getCommand() == null ? "" : ctx.getCommand().getName();
            boolean positional = option == null && !word.startsWith("-");
            if (positional && RUN_COMMANDS.contains(command)) {
                // resume offers only what it can take up: the unfinished runs of the connected org
                List<RunMeta> candidates = RESUME.equals(command)
                        ? runs.unfinished(session.current().orElse(null))
                        : runs.list();
                return candidates.stream()
                        .map(RunMeta::id)
                        .filter(id -> id.startsWith(word))
                        .map(CompletionProposal::new)
                        .toList();
            }
            if (positional && FILE_COMMANDS.contains(command)) {
                return FileCompletion.complete(word, MAX_PROPOSALS);
            }
            boolean accounts = "id".equals(option) || positional && ACCOUNT_COMMANDS.contains(command);
            if (accounts) {
                // only the connected org's accounts: the cache ends with its connection
                // a value with control characters would write them into the line being edited: complete its ID
                return session.current().map(c -> c.cache().complete(word, MAX_PROPOSALS)).orElse(List.of()).stream()
                        .filter(v -> Sanitizer.forTerminal(v).equals(v))
                        .map(CompletionProposal::new)
                        .toList();
            }
            return List.of();
        };
    }

    @Bean
    CommandCompleter commandCompleter(CommandRegistry registry) {
        return new ShellCompleter(registry);
    }
}

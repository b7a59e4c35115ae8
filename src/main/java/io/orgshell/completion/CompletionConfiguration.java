package io.orgshell.completion;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.core.command.completion.FileNameCompletionProvider;
import org.springframework.shell.jline.CommandCompleter;

/**
 * One completion provider for every command, routed by what is being completed: files for {@code --out} and
 * {@code --file}, accounts for {@code --id} and for the positional argument of account commands, fixed values for
 * options with a closed set.
 */
@Configuration(proxyBeanMethods = false)
public class CompletionConfiguration {

    /** Enough to choose from on screen; a longer prefix narrows it down. */
    static final int MAX_PROPOSALS = 200;

    static final Set<String> FILE_OPTIONS = Set.of("out", "file", "csv");
    static final Set<String> ACCOUNT_COMMANDS = Set.of("users show");
    static final Map<String, List<String>> VALUES = Map.of("status", List.of("active", "inactive", "closed"),
            "op", java.util.Arrays.stream(io.orgshell.plan.Operation.values()).map(o -> o.cliName()).toList());

    @Bean
    CompletionProvider completion(DirectoryCache cache) {
        CompletionProvider files = new FileNameCompletionProvider();
        return ctx -> {
            String word = ctx.currentWordUpToCursor() == null ? "" : ctx.currentWordUpToCursor();
            String option = ctx.getCommandOption() == null ? null : ctx.getCommandOption().longName();
            if (option != null && FILE_OPTIONS.contains(option)) {
                return files.apply(ctx);
            }
            if (option != null && VALUES.containsKey(option)) {
                return VALUES.get(option).stream().filter(v -> v.startsWith(word)).map(CompletionProposal::new)
                        .toList();
            }
            boolean accounts = "id".equals(option) || option == null && ctx.getCommand() != null
                    && ACCOUNT_COMMANDS.contains(ctx.getCommand().getName()) && !word.startsWith("-");
            if (accounts) {
                return cache.complete(word, MAX_PROPOSALS).stream().map(CompletionProposal::new).toList();
            }
            return List.of();
        };
    }

    @Bean
    CommandCompleter commandCompleter(CommandRegistry registry) {
        return new ShellCompleter(registry);
    }
}

package io.orgshell.completion;

import io.orgshell.api.Domain;
import io.orgshell.core.Sanitizer;
import io.orgshell.plan.DirectoryPlanner;
import io.orgshell.plan.Operation;
import io.orgshell.session.Session;
import io.orgshell.shell.AllowedValues;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * Completion for the selection options of {@code plan} and {@code users export}: the org's domains for
 * {@code --domain}, {@code --from-domain} and {@code --to-domain} (asked of the connected org at each Tab: one short
 * listing), the closed value sets, {@code plan}'s operations, and the products, roles and policies of the access and
 * policy plans ({@link AccessCompletion}). Anything else goes to the shared provider.
 */
@Configuration(proxyBeanMethods = false)
public class SelectionCompletionConfiguration {

    static final Set<String> DOMAIN_OPTIONS = Set.of("domain", "from-domain", "to-domain");
    private static final Duration DOMAINS_WAIT = Duration.ofSeconds(5);

    @Bean
    CompletionProvider selectionCompletion(Session session, @Qualifier("completion") CompletionProvider shared) {
        return ctx -> {
            String word = ctx.currentWordUpToCursor() == null ? "" : ctx.currentWordUpToCursor();
            String option = ctx.getCommandOption() == null
                    ? null
                    : ctx.getCommandOption().longName();
            if (option != null && DOMAIN_OPTIONS.contains(option)) {
                boolean verifiedOnly = "to-domain".equals(option);
                return session
                        .current()
                        // a slow org gives no candidates rather than an error at the prompt
                        .flatMap(c -> c.client().organizations().domainsWithin(DOMAINS_WAIT))
                        .orElse(List.of())
                        .stream()
                        .filter(d -> !verifiedOnly || d.isVerified())
                        .map(Domain::name)
                        .filter(n -> n != null
                                && n.startsWith(word)
                                && Sanitizer.forTerminal(n).equals(n))
                        .map(CompletionProposal::new)
                        .toList();
            }
            if (option != null && !AllowedValues.of(option).isEmpty()) {
                return AllowedValues.of(option).stream()
                        .filter(v -> v.startsWith(word))
                        .map(CompletionProposal::new)
                        .toList();
            }
            String command = ctx.getCommand() == null ? "" : ctx.getCommand().getName();
            if (option == null
                    && "plan".equals(command)
                    && !word.startsWith("-")
                    && ctx.getWords().size() <= 2) {
                return DirectoryPlanner.OPERATIONS.stream()
                        .map(Operation::cliName)
                        .filter(n -> n.startsWith(word))
                        .map(CompletionProposal::new)
                        .toList();
            }
            if (option == null
                    && "plan".equals(command)
                    && !word.startsWith("-")
                    && ctx.getWords().size() > 2) {
                var access = AccessCompletion.candidates(
                        session, ctx.getWords().get(1), ctx.getWords().size() - 2, word);
                if (access.isPresent()) {
                    return access.get().stream().map(CompletionProposal::new).toList();
                }
            }
            return shared.apply(ctx);
        };
    }
}

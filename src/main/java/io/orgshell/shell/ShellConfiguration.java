package io.orgshell.shell;

import io.orgshell.config.OrgShellProperties;
import io.orgshell.core.Sanitizer;
import io.orgshell.session.Session;
import org.jline.reader.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.availability.Availability;
import org.springframework.shell.core.command.availability.AvailabilityProvider;
import org.springframework.shell.jline.PromptProvider;

/** Wiring of the shell around Spring Shell: parser, prompt, history, availability. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrgShellProperties.class)
public class ShellConfiguration {

    @Bean
    CommandParser commandParser(CommandRegistry registry, CommandClasses commands) {
        return new ShellCommandParser(registry, commands.positionalArguments());
    }

    /**
     * JLine's line parser ({@link CompletingLineParser}) in place of Spring Shell 4.0.1's copy of it
     * ({@code ExtendedDefaultParser}), whose parsed lines JLine does not recognise as completing ones: JLine then
     * inserts a completed file name as it is, so a name with a space splits into two words, and a word opened with a
     * quote is mangled. (Spring Shell 4.0.3's parser implements JLine's interface.)
     */
    @Bean
    @Primary
    Parser completingParser() {
        return new CompletingLineParser();
    }

    /** Shows which org is connected on every line, and marks a sandbox org so it is never mistaken for production. */
    @Bean
    PromptProvider promptProvider(Session session) {
        return () -> session.current()
                .map(c -> {
                    AttributedStringBuilder sb = new AttributedStringBuilder();
                    sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN), "orgshell");
                    sb.append(":");
                    // JLine expands %-escapes in a prompt (%P, %{...%}): an org name must not be able to write one
                    sb.styled(
                            AttributedStyle.DEFAULT
                                    .foreground(AttributedStyle.GREEN)
                                    .bold(),
                            Sanitizer.forTerminal(c.orgName()).replace("%", "%%"));
                    if (c.sandbox()) {
                        sb.append(" ");
                        sb.styled(
                                AttributedStyle.DEFAULT
                                        .foreground(AttributedStyle.MAGENTA)
                                        .bold(),
                                "[SANDBOX]");
                    }
                    sb.append("> ");
                    return sb.toAttributedString();
                })
                .orElseGet(() -> new AttributedString(
                        "orgshell (not connected)> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
    }

    @Bean
    SecretFilteringHistory history(Session session) {
        return new SecretFilteringHistory(
                line -> session.current().map(c -> c.key().occursIn(line)).orElse(false));
    }

    @Bean
    AvailabilityProvider connected(Session session) {
        return () -> session.isOpen()
                ? Availability.available()
                : Availability.unavailable("no organization is connected (run 'connect', or start with --sandbox)");
    }
}

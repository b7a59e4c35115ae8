package io.orgshell;

import io.orgshell.command.DirectoryPlanCommands;
import io.orgshell.command.DomainCommands;
import io.orgshell.command.OrgCommands;
import io.orgshell.command.PlanCommands;
import io.orgshell.command.PolicyCommands;
import io.orgshell.command.ProductCommands;
import io.orgshell.command.RunCommands;
import io.orgshell.command.ScriptCommands;
import io.orgshell.command.SessionCommands;
import io.orgshell.command.TokenCommands;
import io.orgshell.command.UserCommands;
import io.orgshell.shell.CommandClasses;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration;

/**
 * Auto-configuration is limited to what orgshell uses ({@code spring.boot.enableautoconfiguration=false}, then the
 * list below): the full set adds web clients, message converters, SSL bundles and executors nobody here needs, and
 * every one costs start-up time. {@code scripts/orgshell} also runs the build's ahead-of-time bean definitions.
 */
@SpringBootApplication
@ImportAutoConfiguration({
    SpringShellAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    ProjectInfoAutoConfiguration.class,
    PropertyPlaceholderAutoConfiguration.class,
    ConfigurationPropertiesAutoConfiguration.class
})
public class OrgShellApplication {

    static final List<Class<?>> COMMAND_CLASSES = List.of(
            SessionCommands.class,
            OrgCommands.class,
            DomainCommands.class,
            UserCommands.class,
            PlanCommands.class,
            RunCommands.class,
            ScriptCommands.class,
            DirectoryPlanCommands.class,
            ProductCommands.class,
            PolicyCommands.class,
            TokenCommands.class);

    @Bean
    static CommandClasses commandClasses() {
        return new CommandClasses(COMMAND_CLASSES);
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(OrgShellApplication.class);
        // the arguments are the shell's (--sandbox, --debug, a command), not Spring properties
        app.setAddCommandLineProperties(false);
        System.exit(SpringApplication.exit(app.run(args)));
    }
}

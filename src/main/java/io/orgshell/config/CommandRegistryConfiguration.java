package io.orgshell.config;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.orgshell.command.DomainCommands;
import io.orgshell.command.OrgCommands;
import io.orgshell.command.PlanCommands;
import io.orgshell.command.RunCommands;
import io.orgshell.command.ScriptCommands;
import io.orgshell.command.SessionCommands;
import io.orgshell.command.UserCommands;
import jakarta.validation.Validator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;

/**
 * The command registry, in place of Spring Shell's auto-configured one, for start-up time: that one scans the
 * class path for command classes and registers its own {@code quit}, whose class builds a Hibernate Validator
 * factory (some 400 classes) on every start. orgshell's command classes are listed here, and {@code quit} and
 * {@code exit} are handled by the REPL and the script runner.
 */
@Configuration(proxyBeanMethods = false)
class CommandRegistryConfiguration {

    static final List<Class<?>> COMMAND_CLASSES = List.of(SessionCommands.class, OrgCommands.class,
            DomainCommands.class, UserCommands.class, PlanCommands.class, RunCommands.class, ScriptCommands.class);

    @Bean
    CommandRegistry commandRegistry(ApplicationContext context) {
        CommandRegistry registry = new CommandRegistry();
        context.getBeansOfType(Command.class).values().forEach(registry::registerCommand);
        for (Class<?> type : COMMAND_CLASSES) {
            Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(org.springframework.shell.core.command.annotation.Command.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(m -> {
                        CommandFactoryBean factory = new CommandFactoryBean(m);
                        factory.setApplicationContext(context);
                        registry.registerCommand(factory.getObject());
                    });
        }
        return registry;
    }

    @Bean
    Validator commandOptionValidator() {
        return new NoConstraintsValidator();
    }
}

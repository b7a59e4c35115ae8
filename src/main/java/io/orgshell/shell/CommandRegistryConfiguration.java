package io.orgshell.shell;

import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;

/**
 * The command registry, in place of Spring Shell's auto-configured one, for start-up time: that one scans the
 * class path for command classes and registers its own {@code quit}, whose class builds a Hibernate Validator
 * factory (some 400 classes) on every start. orgshell's command classes are listed by the application
 * ({@link CommandClasses}), and {@code quit} and {@code exit} are handled by the REPL and the script runner.
 */
@Configuration(proxyBeanMethods = false)
class CommandRegistryConfiguration {

    @Bean
    CommandRegistry commandRegistry(ApplicationContext context, CommandClasses commands) {
        CommandRegistry registry = new CommandRegistry();
        context.getBeansOfType(Command.class).values().forEach(registry::registerCommand);
        for (Class<?> type : commands.types()) {
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

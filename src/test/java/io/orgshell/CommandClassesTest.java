package io.orgshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.util.ClassUtils;

/** The registry lists its command classes instead of scanning for them: a new command class must be listed. */
class CommandClassesTest {

    @Test
    void everyClassWithCommandMethodsIsRegistered() throws Exception {
        Set<Class<?>> withCommands = new ClassPathScanningCandidateComponentProvider(true)
                .findCandidateComponents("io.orgshell").stream()
                        .map(d -> ClassUtils.resolveClassName(
                                d.getBeanClassName(), getClass().getClassLoader()))
                        .filter(c -> Arrays.stream(c.getDeclaredMethods())
                                .anyMatch(m -> m.isAnnotationPresent(Command.class)))
                        .collect(Collectors.toSet());
        assertThat(withCommands).isNotEmpty();
        assertThat(OrgShellApplication.COMMAND_CLASSES).containsExactlyInAnyOrderElementsOf(withCommands);
    }
}

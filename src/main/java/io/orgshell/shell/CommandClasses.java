package io.orgshell.shell;

import java.util.List;

/** The classes whose {@code @Command} methods the registry registers, listed by the application, not scanned. */
public record CommandClasses(List<Class<?>> types) {
}

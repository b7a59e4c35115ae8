package io.orgshell.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * After every test of every class (registered for the whole suite through {@code META-INF/services}), greps every
 * file under the test's {@code @TempDir}s and the shared shell config directory for each API key the tests use.
 * orgshell may keep a key in exactly one place, a profile in {@code config.yml} the admin asked for; any other file
 * holding one (history, journal, results, undo plan, export, log, captured console) fails the test that wrote it.
 */
public final class NoSecretOnDisk implements AfterEachCallback, AfterAllCallback {

    /** The sandbox's default key and every key a test registers; none is a substring of ordinary output. */
    private static final Set<String> KEYS = ConcurrentHashMap.newKeySet();

    static {
        KEYS.add("sandbox-api-key");
    }

    public static void register(String key) {
        if (key != null && key.length() >= 8) {
            KEYS.add(key);
        }
    }

    /** Every command a {@link ShellTest} runs has its console output checked the same way. */
    public static void assertNoKeyIn(String text, String where) {
        for (String key : KEYS) {
            if (text.contains(key)) {
                throw new AssertionError(where + " shows an API key (" + key.substring(0, 4) + "...)");
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Path> roots = new ArrayList<>(tempDirs(context.getRequiredTestInstance(), context.getRequiredTestClass()));
        check(roots, context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<Path> roots = new ArrayList<>(tempDirs(null, context.getRequiredTestClass()));
        if (ShellTest.class.isAssignableFrom(context.getRequiredTestClass())) {
            roots.add(ShellTest.CONFIG_DIR);
        }
        check(roots, context.getDisplayName());
    }

    private static void check(List<Path> roots, String test) {
        List<String> leaks = new ArrayList<>();
        for (Path root : roots) {
            if (root == null || !Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().equals("config.yml"))
                        .forEach(f -> leaks.addAll(keysIn(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(test + ": an API key was written to disk: " + leaks);
        }
    }

    private static List<String> keysIn(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of(); // deleted while we walked: nothing to leak
        }
        return KEYS.stream()
                .filter(text::contains)
                .map(k -> file + " holds " + k.substring(0, 4) + "...")
                .toList();
    }

    private static List<Path> tempDirs(Object instance, Class<?> type) {
        List<Path> dirs = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (!f.isAnnotationPresent(TempDir.class) || !isStatic && instance == null) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(isStatic ? null : instance);
                    if (value instanceof Path p) {
                        dirs.add(p);
                    } else if (value instanceof File file) {
                        dirs.add(file.toPath());
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return dirs;
    }
}

package io.orgshell.sandbox;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox org per test class, on a free loopback port, back to its seed before each test and stopped after the
 * last. Register it on a static field:
 * <pre>
 * {@literal @}RegisterExtension
 * static final SandboxExtension sandbox = new SandboxExtension(SandboxConfig.defaults().withUsers(250));
 * static SandboxServer server; // filled in
 * static SandboxHttp http;     // filled in
 * </pre>
 * It fills the class's static {@link SandboxServer} and {@link SandboxHttp} fields before the class's own
 * {@code @BeforeAll} methods run, and resets the org before its {@code @BeforeEach} methods.
 */
final class SandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final SandboxConfig config;
    private SandboxServer server;

    SandboxExtension(SandboxConfig config) {
        this.config = config.withPort(0);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = SandboxServer.start(config);
        fill(context.getRequiredTestClass(), server, new SandboxHttp(server));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
        server = null;
        fill(context.getRequiredTestClass(), null, null);
    }

    private static void fill(Class<?> testClass, SandboxServer server, SandboxHttp http) throws IllegalAccessException {
        for (Field f : testClass.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) continue;
            if (f.getType() == SandboxServer.class) {
                f.setAccessible(true);
                f.set(null, server);
            } else if (f.getType() == SandboxHttp.class) {
                f.setAccessible(true);
                f.set(null, http);
            }
        }
    }
}

package io.orgshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import net.jqwik.api.Group;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.w3c.dom.NodeList;

/**
 * Surefire runs only the classes its include patterns name (and Failsafe, after package, those its own patterns
 * name); a test class called anything else compiles, passes review and never runs (the four jqwik *Properties
 * classes went unrun that way). This fails the build instead, reading the patterns from pom.xml so they cannot drift.
 */
class EveryTestClassRunsTest {

    private static final String SUREFIRE =
            "/project/build/plugins/plugin[artifactId='maven-surefire-plugin']" + "/configuration/";
    private static final String FAILSAFE =
            "/project/build/plugins/plugin[artifactId='maven-failsafe-plugin']" + "/configuration/";
    /** Surefire's own default when the pom names no excludes: nested classes run through their outer class. */
    private static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    @Test
    void everyClassWithATestIsOneSurefireRuns() throws Exception {
        List<PathMatcher> includes = matchers(patterns(SUREFIRE + "includes/include", List.of()));
        List<PathMatcher> excludes = matchers(patterns(SUREFIRE + "excludes/exclude", DEFAULT_EXCLUDES));
        List<PathMatcher> integration = matchers(patterns(FAILSAFE + "includes/include", List.of()));
        assertThat(includes).as("pom.xml names the surefire includes").isNotEmpty();
        assertThat(integration).as("pom.xml names the failsafe includes").isNotEmpty();

        List<String> skipped = new ArrayList<>();
        TreeSet<String> found = new TreeSet<>();
        for (Class<?> c : testClasses()) {
            found.add(c.getSimpleName());
            Path source = sourcePath(runner(c));
            boolean runs =
                    (matchesAny(includes, source) && !matchesAny(excludes, source)) || matchesAny(integration, source);
            if (!runs || (runner(c) != c && !isContainedTest(c))) {
                skipped.add(c.getName());
            }
        }

        // the scan itself must see every kind of test this project writes, or an empty result would pass
        assertThat(found)
                .contains(
                        "EveryTestClassRunsTest",
                        "ArchitectureTest",
                        "ExampleScriptsTest",
                        "ReleaseArchivesIT",
                        "PlanCsvReaderProperties",
                        "RobustnessProperties",
                        "RoundTripProperties",
                        "VariantProperties");
        assertThat(skipped)
                .as("test classes Surefire and Failsafe would silently skip; rename them to match the includes of "
                        + "maven-surefire-plugin (or maven-failsafe-plugin) in pom.xml (or, if they are benchmarks, "
                        + "drop their test annotations)")
                .isEmpty();
    }

    /** Concrete classes under the test output with a JUnit Platform test (@Test, @Property, @ArchTest, ...). */
    private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
        Path root = Path.of(EveryTestClassRunsTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                Class<?> c = ReflectionSupport.tryToLoadClass(name.substring(0, name.length() - ".class".length()))
                        .getOrThrow(e -> new IllegalStateException("cannot load " + name, e));
                if (!c.isInterface()
                        && !c.isAnonymousClass()
                        && !c.isLocalClass()
                        && !Modifier.isAbstract(c.getModifiers())
                        && hasTests(c)) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }

    private static boolean hasTests(Class<?> c) {
        return !ReflectionSupport.findMethods(c, EveryTestClassRunsTest::isTest, HierarchyTraversalMode.TOP_DOWN)
                        .isEmpty()
                || !ReflectionSupport.findFields(c, EveryTestClassRunsTest::isTest, HierarchyTraversalMode.TOP_DOWN)
                        .isEmpty();
    }

    /** Every test annotation of the JUnit Platform engines (Jupiter, jqwik, ArchUnit) is meta-annotated so. */
    private static boolean isTest(AnnotatedElement element) {
        return AnnotationSupport.isAnnotated(element, Testable.class);
    }

    /** Jupiter @Nested and jqwik @Group classes run with their outer class; other nested classes do not. */
    private static boolean isContainedTest(Class<?> c) {
        return AnnotationSupport.isAnnotated(c, Nested.class) || AnnotationSupport.isAnnotated(c, Group.class);
    }

    /** The class Surefire selects for {@code c}: its outermost enclosing class, or itself. */
    private static Class<?> runner(Class<?> c) {
        Class<?> outer = c;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    private static Path sourcePath(Class<?> c) {
        return Path.of(c.getName().replace('.', '/') + ".java");
    }

    private static List<String> patterns(String path, List<String> whenAbsent) throws Exception {
        Path pom = Path.of(System.getProperty("basedir", ".")).resolve("pom.xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = factory.newDocumentBuilder().parse(pom.toFile());
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, doc, XPathConstants.NODESET);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            patterns.add(nodes.item(i).getTextContent().strip());
        }
        return patterns.isEmpty() ? whenAbsent : patterns;
    }

    private static List<PathMatcher> matchers(List<String> patterns) {
        return patterns.stream()
                .map(p -> {
                    if (p.startsWith("%regex[")) {
                        throw new IllegalStateException("this guard reads glob patterns only; found " + p);
                    }
                    return FileSystems.getDefault().getPathMatcher("glob:" + p);
                })
                .toList();
    }

    /** Surefire's "**&#47;" also matches no directory at all, so the path is tried with a leading slash too. */
    private static boolean matchesAny(List<PathMatcher> matchers, Path source) {
        Path rooted = Path.of("/").resolve(source);
        return matchers.stream().anyMatch(m -> m.matches(source) || m.matches(rooted));
    }
}

package io.orgshell;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.orgshell.sandbox.EmbeddedSandbox;
import io.orgshell.sandbox.SandboxOrgAccess;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The package graph docs/layout.md draws: front end → services → infrastructure → core, the sandbox on its
 * own. A change that makes an arrow run back up fails the build here, with the offending classes named.
 */
@AnalyzeClasses(packages = "io.orgshell", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] LOGIC = {
        "io.orgshell.plan..",
        "io.orgshell.run..",
        "io.orgshell.directory..",
        "io.orgshell.session..",
        "io.orgshell.api..",
        "io.orgshell.csv..",
        "io.orgshell.config..",
        "io.orgshell.core.."
    };

    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching("io.orgshell.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("front end")
            .definedBy(
                    "io.orgshell",
                    "io.orgshell.command..",
                    "io.orgshell.shell..",
                    "io.orgshell.completion..",
                    "io.orgshell.console..")
            .layer("services")
            .definedBy("io.orgshell.plan..", "io.orgshell.run..", "io.orgshell.directory..", "io.orgshell.session..")
            .layer("infrastructure")
            .definedBy("io.orgshell.api..", "io.orgshell.csv..", "io.orgshell.config..")
            .layer("core")
            .definedBy("io.orgshell.core..")
            .layer("sandbox")
            .definedBy("io.orgshell.sandbox..")
            .whereLayer("front end")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("services")
            .mayOnlyBeAccessedByLayers("front end")
            .whereLayer("infrastructure")
            .mayOnlyBeAccessedByLayers("front end", "services")
            .whereLayer("core")
            .mayOnlyBeAccessedByLayers("front end", "services", "infrastructure")
            .whereLayer("sandbox")
            .mayOnlyBeAccessedByLayers("services");

    @ArchTest
    static final ArchRule logicKnowsNoTerminal = noClasses()
            .that()
            .resideInAnyPackage(LOGIC)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jline..", "org.springframework.shell..")
            .because("services and what lies below them can run without a terminal");

    @ArchTest
    static final ArchRule reactorStaysInTheApiLayer = noClasses()
            .that(resideOutsideOfPackages("io.orgshell.api..", "io.orgshell.sandbox.."))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("reactor..")
            .because("services and commands call the API's blocking clients; Reactor stays behind them");

    @ArchTest
    static final ArchRule sandboxStandsAlone = noClasses()
            .that()
            .resideInAPackage("io.orgshell.sandbox..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages(
                    "io.orgshell.sandbox..",
                    "java..",
                    "javax..",
                    "com.sun.net.httpserver..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..")
            .because("the sandbox is the org the product talks to over HTTP, not a part of the product");

    @ArchTest
    static final ArchRule productEntersTheSandboxByOneDoor = noClasses()
            .that()
            .resideOutsideOfPackage("io.orgshell.sandbox..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.orgshell.sandbox..")
                    .and(not(type(EmbeddedSandbox.class)))
                    .and(not(type(SandboxOrgAccess.class))))
            .because("the product starts the sandbox and learns where it is; the rest it finds out over HTTP");

    /** Only ever adding to Java's trust, never a way around it (the classes are named: they are not imported). */
    @ArchTest
    static final ArchRule tlsIsNeverTrustAll = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.netty.handler.ssl.util.InsecureTrustManagerFactory")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("io.netty.handler.ssl.util.SimpleTrustManagerFactory")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(HostnameVerifier.class)
            .because(
                    "TLS verification cannot be turned off: a private CA is added to the trust, never the checks removed");

    @ArchTest
    static final ArchRule theOneTrustManagerWrapsJavas = classes()
            .that()
            .areAssignableTo(TrustManager.class)
            .or()
            .areAssignableTo(X509TrustManager.class)
            .or()
            .areAssignableTo(X509ExtendedTrustManager.class)
            .should()
            .haveFullyQualifiedName("io.orgshell.api.NamingTrustManager")
            .because("it only words Java's verdict; any other trust manager could accept what Java refuses");
}

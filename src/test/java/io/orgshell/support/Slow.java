package io.orgshell.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts orgshell or another JVM as a process, or runs for minutes: left out of the inner loop
 * ({@code mvn -B verify -Pquick}, the profile excludes the tag "slow"), always in plain {@code mvn -B verify}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}

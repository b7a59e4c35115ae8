package io.orgshell.shell;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * The validator Spring Shell runs over command parameters. orgshell's commands declare no Bean Validation
 * constraints (each checks its own options and says what is wrong in its own words), so there is nothing to check,
 * and not building Hibernate Validator saves a tenth of a second at every start.
 */
final class NoConstraintsValidator implements Validator, ExecutableValidator {

    @Override
    public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
        return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateProperty(T object, String property, Class<?>... groups) {
        return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateValue(
            Class<T> type, String property, Object value, Class<?>... groups) {
        return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateParameters(
            T object, Method method, Object[] values, Class<?>... groups) {
        return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateReturnValue(
            T object, Method method, Object value, Class<?>... groups) {
        return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateConstructorParameters(
            Constructor<? extends T> constructor, Object[] values, Class<?>... groups) {
        return Set.of();
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateConstructorReturnValue(
            Constructor<? extends T> constructor, T created, Class<?>... groups) {
        return Set.of();
    }

    @Override
    public ExecutableValidator forExecutables() {
        return this;
    }

    @Override
    public BeanDescriptor getConstraintsForClass(Class<?> type) {
        throw new UnsupportedOperationException("orgshell's commands declare no constraints");
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException("orgshell's commands declare no constraints");
    }
}

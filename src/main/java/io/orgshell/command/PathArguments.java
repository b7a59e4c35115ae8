package io.orgshell.command;

import io.orgshell.core.OutputTarget;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserHome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File names as a person types them: {@code ~} is their home ({@link UserHome}; the shell that would expand it is not there, in the
 * interactive shell or a script), {@code -} after {@code --out} is standard output, and a path that cannot be one is
 * a usage error naming the option.
 */
final class PathArguments {

    private PathArguments() {}

    /** A file to read ({@code load}, {@code script}). */
    static Path input(String what, String value) {
        return parse(what, value);
    }

    /** A file to write ({@code --out}): a folder there is refused before any request is made. */
    static Path output(String what, String value) {
        Path path = parse(what, value);
        if (Files.isDirectory(path)) {
            throw new UsageException(
                    what + ": " + value + " is a folder; name the file to write, such as " + path.resolve("users.csv"));
        }
        return path;
    }

    /**
     * Where {@code --out} writes: {@code -} is the command's standard output ({@code terminal}: a person's screen),
     * anything else a file as {@link #output} takes it.
     */
    static OutputTarget target(String what, String value, PrintWriter standardOutput, boolean terminal) {
        return OutputTarget.STANDARD_OUTPUT.equals(value)
                ? OutputTarget.standardOutput(standardOutput, terminal)
                : OutputTarget.file(output(what, value));
    }

    private static Path parse(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException(what + " needs a file");
        }
        try {
            return Path.of(UserHome.current().expand(value));
        } catch (InvalidPathException e) {
            throw new UsageException(what + ": not a valid path: " + value);
        }
    }
}

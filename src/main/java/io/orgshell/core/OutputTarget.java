package io.orgshell.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code --out} named: a path, or {@code -} for standard output (as Unix tools take it). Opened only when the
 * command is ready to write, so that a check that fails first leaves the place as it was.
 *
 * @param path           the file, FIFO or device; null for standard output
 * @param standardOutput the command's standard output, for {@code -}
 * @param terminal       whether that standard output is a person's screen, where API text must be made inert
 */
public record OutputTarget(Path path, Writer standardOutput, boolean terminal) {

    public static final String STANDARD_OUTPUT = "-";

    public static OutputTarget file(Path path) {
        return new OutputTarget(path, null, false);
    }

    public static OutputTarget standardOutput(Writer out, boolean terminal) {
        return new OutputTarget(null, out, terminal);
    }

    public boolean isStandardOutput() {
        return path == null;
    }

    /** Standard output, a FIFO or a device: written as the data comes, never read back (see {@link OutputFile}). */
    public boolean isStream() {
        return path == null || OutputFile.isStream(path);
    }

    /** Whether a regular file (or a link to one) is there now: one that an empty export must leave as it is. */
    public boolean holdsAFile() {
        return path != null && Files.isRegularFile(path);
    }

    public OutputFile open() throws IOException {
        return path == null ? StreamFile.of(standardOutput) : OutputFile.open(path);
    }

    @Override
    public String toString() {
        return path == null ? "standard output" : path.toString();
    }
}

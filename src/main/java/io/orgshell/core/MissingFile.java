package io.orgshell.core;

import java.nio.file.Path;

/**
 * "no such file" naming where it was looked for: a relative name is resolved against the working directory, which an
 * admin who started the shell from another folder (or a launcher) does not see.
 */
public final class MissingFile {

    private MissingFile() {}

    public static String message(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (file.isAbsolute()) {
            return "no such file: " + absolute;
        }
        return "no such file: " + file + " (looked for " + absolute + "; working directory "
                + Path.of("").toAbsolutePath() + ")";
    }
}

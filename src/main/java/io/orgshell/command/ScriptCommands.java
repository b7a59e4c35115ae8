package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserFacingException;
import io.orgshell.shell.ScriptRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * {@code script F.shell}, replacing Spring Shell 4.0.1's, which ends at a {@code //} comment and aborts at a
 * {@code #} one. Same rules as {@code --file}: comments and blank lines skipped, stop at the first failure.
 */
@Component
public class ScriptCommands {

    private final ScriptRunner scripts;

    public ScriptCommands(@Lazy ScriptRunner scripts) {
        this.scripts = scripts;
    }

    @Command(
            name = "script",
            group = "Built-In Commands",
            completionProvider = "completion",
            description = "Run the commands of a .shell file, stopping at the first failure")
    public void script(@Argument(index = 0, description = "the script file") String file, CommandContext ctx)
            throws IOException {
        if (file == null || file.isBlank()) {
            throw new UsageException("script needs a file");
        }
        Path path = PathArguments.input("script", file);
        int code;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            // the script's commands run with this command's console: its errors go where this command's would
            code = scripts.run(reader, file, path, Console.of(ctx));
        } catch (NoSuchFileException e) {
            throw new UserFacingException("no such script: " + file, ExitCodes.USAGE);
        } catch (MalformedInputException e) {
            throw new UserFacingException(file + " is not UTF-8 text", ExitCodes.USAGE);
        }
        if (code != ExitCodes.OK) {
            throw new UserFacingException("script " + file + " stopped", code);
        }
    }
}

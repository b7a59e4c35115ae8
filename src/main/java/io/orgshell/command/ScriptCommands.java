package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserFacingException;
import io.orgshell.shell.ScriptRunner;
import io.orgshell.shell.TypedCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jline.reader.History;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * {@code script F.shell}, replacing Spring Shell 4.0.1's, which ends at a {@code //} comment and aborts at a
 * {@code #} one. Same rules as {@code --file}: comments and blank lines skipped, stop at the first failure.
 * {@code history} too, replacing 4.0.1's, whose description offers a save it has no option for: here
 * {@code --save} writes the session as such a script.
 */
@Component
public class ScriptCommands {

    private final ScriptRunner scripts;
    private final History history;
    private final TypedCommands typed;

    public ScriptCommands(@Lazy ScriptRunner scripts, History history, TypedCommands typed) {
        this.scripts = scripts;
        this.history = history;
        this.typed = typed;
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

    @Command(
            name = "history",
            group = "Built-In Commands",
            completionProvider = "completion",
            description = "List the commands typed at the prompt, earlier sessions' included; --save F.shell writes "
                    + "this session's as a script")
    public void history(
            @Option(
                            longName = "save",
                            description = "write the commands typed since this shell started (not earlier "
                                    + "sessions'; no secret) as a script that 'orgshell --file' replays")
                    String save,
            @Option(longName = "force", description = "with --save: replace the file if it exists") Boolean force,
            CommandContext ctx)
            throws IOException {
        Console console = Console.of(ctx);
        if (save == null) {
            if (Boolean.TRUE.equals(force)) {
                throw new UsageException("--force goes with --save F.shell");
            }
            history.forEach(entry -> console.out().println(entry.line()));
            console.out().flush();
            return;
        }
        Path path = PathArguments.output("--save", save);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!Boolean.TRUE.equals(force)) {
                throw new UsageException(save + " exists; say --force to replace it");
            }
            Files.delete(path);
        }
        List<String> lines = typed.asScript(path.getFileName().toString(), Instant.now());
        try (Writer out = new OutputStreamWriter(OwnerOnlyFiles.createNew(path), StandardCharsets.UTF_8)) {
            out.write(String.join("\n", lines) + "\n");
        }
        long commands = lines.stream().filter(l -> !l.startsWith("#")).count();
        console.messages()
                .println("saved " + commands + (commands == 1 ? " command" : " commands") + " of this session to "
                        + Sanitizer.forTerminal(path.toString()));
    }
}

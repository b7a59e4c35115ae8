package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Styles;
import java.util.List;

/**
 * A listing's one model, printed whole as the {@code --json} document (its record components are the fields), or
 * as its entries: a table at a terminal, tab-separated lines otherwise. Both come from the same entries, so the text
 * and the document say the same of each one.
 */
interface Listing {

    /** The entries as rows; {@code forPerson}: drawn as a table at a terminal, not read by a program. */
    Console.Table table(boolean forPerson);

    /** What is said after the table, or instead of it when there is nothing to list: messages, not results. */
    List<String> notes(Styles styles);

    /** Prints the listing on the console: the document, or the table with its notes beside it. */
    static void print(Console console, boolean asJson, Listing listing) {
        if (asJson) {
            JsonOutput.print(console.out(), listing);
            return;
        }
        Console.Table table = listing.table(console.outputIsTerminal());
        if (!table.isEmpty()) {
            console.print(table);
        }
        listing.notes(console.messageStyles()).forEach(console.messages()::println);
        console.messages().flush();
    }
}

package io.orgshell.csv;

/**
 * Counts, for the repair report only, the cells that were quoted and the cells that had spaces around their value.
 * Commons CSV does the parsing, and with surrounding spaces ignored it trims unquoted values silently, so these
 * counts have to come from watching the raw text. The state machine follows the same rules as the parser
 * (RFC 4180 quotes, {@code ""} inside quotes, CR, LF or CRLF line ends) but never changes what is parsed: a
 * mistake here can only make a count wrong.
 * <p>
 * It is fed the file's bytes after the byte order mark. The characters it looks at are all ASCII, and in UTF-8 no
 * byte of a multi-byte character is ASCII, so bytes will do.
 */
final class CellShapeCounter {

    private enum State {
        CELL_START,
        UNQUOTED,
        QUOTED,
        QUOTE_IN_QUOTED,
        AFTER_QUOTED
    }

    private final int delimiter;
    private State state = State.CELL_START;
    private boolean leadingSpace;
    private boolean lastWasSpace;
    private boolean justOpened;
    private boolean spacedCell;
    private boolean lineHasCells;
    private boolean previousWasCr;
    private long quotedCells;
    private long spacedCells;

    CellShapeCounter() {
        this(',');
    }

    CellShapeCounter(char delimiter) {
        this.delimiter = delimiter;
    }

    void accept(int b) {
        if (b == '\n' && previousWasCr && state != State.QUOTED) {
            previousWasCr = false; // the LF of a CRLF: the CR already ended the line
            return;
        }
        previousWasCr = b == '\r';
        switch (state) {
            case CELL_START -> cellStart(b);
            case UNQUOTED -> unquoted(b);
            case QUOTED -> quoted(b);
            case QUOTE_IN_QUOTED -> {
                if (b == '"') { // "" is a quote inside the value
                    state = State.QUOTED;
                    lastWasSpace = false;
                    justOpened = false;
                } else { // the quote closed the value
                    spacedCell |= lastWasSpace;
                    state = State.AFTER_QUOTED;
                    afterQuoted(b);
                }
            }
            case AFTER_QUOTED -> afterQuoted(b);
        }
    }

    /** Call once at the end of the file. */
    void finish() {
        if (state == State.QUOTE_IN_QUOTED) {
            spacedCell |= lastWasSpace;
            state = State.AFTER_QUOTED;
        }
        if (state == State.UNQUOTED) {
            spacedCell |= lastWasSpace;
        }
        if (state != State.QUOTED) { // an unclosed quote is the parser's to report
            endLine();
        }
    }

    long quotedCells() {
        return quotedCells;
    }

    long spacedCells() {
        return spacedCells;
    }

    private void cellStart(int b) {
        if (isLineEnd(b)) {
            endLine();
        } else if (b == delimiter) {
            lineHasCells = true;
            endCell();
        } else if (isSpace(b)) {
            leadingSpace = true;
        } else {
            lineHasCells = true;
            spacedCell |= leadingSpace;
            lastWasSpace = false;
            if (b == '"') {
                quotedCells++;
                justOpened = true;
                state = State.QUOTED;
            } else {
                state = State.UNQUOTED;
            }
        }
    }

    private void unquoted(int b) {
        if (isLineEnd(b)) {
            spacedCell |= lastWasSpace;
            endLine();
        } else if (b == delimiter) {
            spacedCell |= lastWasSpace;
            endCell();
        } else {
            lastWasSpace = isSpace(b); // a quote inside an unquoted value is just a character
        }
    }

    private void quoted(int b) {
        if (b == '"') {
            state = State.QUOTE_IN_QUOTED;
            return;
        }
        boolean space = isSpace(b) || isLineEnd(b); // the reader trims line breaks at the edges of quoted values too
        if (space && justOpened) {
            spacedCell = true;
        }
        lastWasSpace = space;
        justOpened = false;
    }

    private void afterQuoted(int b) {
        if (isLineEnd(b)) {
            endLine();
        } else if (b == delimiter) {
            endCell();
        } else if (isSpace(b)) {
            spacedCell = true;
        } // anything else after a closing quote is malformed, and the parser reports it
    }

    private void endCell() {
        if (spacedCell || leadingSpace) { // leadingSpace alone: a cell of nothing but spaces
            spacedCells++;
        }
        state = State.CELL_START;
        spacedCell = false;
        leadingSpace = false;
        lastWasSpace = false;
        justOpened = false;
    }

    private void endLine() {
        if (lineHasCells || state != State.CELL_START) {
            endCell();
        } else { // a line of nothing but spaces is a blank line, reported as such, not as trimmed values
            endCellQuietly();
        }
        lineHasCells = false;
    }

    private void endCellQuietly() {
        spacedCell = false;
        leadingSpace = false;
        endCell();
    }

    private static boolean isLineEnd(int b) {
        return b == '\n' || b == '\r';
    }

    /** Character.isWhitespace for the ASCII characters that are not line ends, as the parser trims them. */
    private static boolean isSpace(int b) {
        return b == ' ' || b == '\t' || b == 0x0B || b == 0x0C || (b >= 0x1C && b <= 0x1F);
    }
}

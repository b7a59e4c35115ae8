package io.orgshell.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellShapeCounterTest {

    static CellShapeCounter count(String text) {
        CellShapeCounter counter = new CellShapeCounter();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            counter.accept(b & 0xFF);
        }
        counter.finish();
        return counter;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "`a,b,c`|0|0",
                "` a,b ,c`|2|0",
                "`a, \"b\" ,c`|1|1",
                "`\" a\",\"b \"`|2|2",
                "`\"a, b\",\"x \"\"y\"\" z\"`|0|2", // spaces inside, not at the edges
                "`\"a \"\"\",b`|0|1", // an escaped quote just before the closing one
                "`a,   ,b`|1|0", // a cell of spaces is trimmed to empty
                "`a,b\r\n   \r\nc ,d`|1|0", // a line of spaces is a blank line, not a value
                "`a,\"b\nc\"\r\nd,e`|0|1", // line breaks inside quotes are content
                "`\"a\n\",b`|1|1", // ... but trimmed at the edge of a value
                "`a\tb,c\t`|1|0"
            })
    void countsSpacedAndQuotedCells(String text, long spaced, long quoted) {
        CellShapeCounter counter = count(text);
        assertThat(counter.spacedCells()).as("spaced").isEqualTo(spaced);
        assertThat(counter.quotedCells()).as("quoted").isEqualTo(quoted);
    }
}

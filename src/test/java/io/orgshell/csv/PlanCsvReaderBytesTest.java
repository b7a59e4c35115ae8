package io.orgshell.csv;

import static io.orgshell.csv.EmailSpec.READER;
import static io.orgshell.csv.EmailSpec.lines;
import static io.orgshell.csv.EmailSpec.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files whose bytes are the point (encodings, binary content), written by the test so every byte is visible here. */
class PlanCsvReaderBytesTest {

    static final String HEADER = "account_id,email\n";

    @TempDir
    Path dir;

    LoadedCsv read(byte[] bytes) throws IOException {
        Path file = dir.resolve("plan.csv");
        Files.write(file, bytes);
        return READER.read(file);
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes((byte[]) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void latin1BytesAreReportedWithTheirLineAndColumn() throws IOException {
        // "jos\xE9": the Latin-1 e-acute is byte 29 of line 3 (25 characters of ID and comma, then "jos")
        LoadedCsv csv = read(bytes(
                HEADER,
                "5b10ac8d82e05b22cc7d4ef5,ann@new.example.com\n",
                "5b10a2844c20165700ede21g,jos",
                new byte[] {(byte) 0xE9},
                "@x.com\n"));
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems()))
                .containsExactly("0: line 3: not valid UTF-8 (byte 0xE9 at column 29); save the file as UTF-8");
        assertThat(csv.rows()).isEmpty();
    }

    @Test
    void severalBadLinesListTheFirstFewAndCountTheRest() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("account_id,email\r\n", "ok,ok@x.com\r\n"));
        for (int line = 3; line <= 10; line++) {
            // lines 3, 5 to 10 carry a bad byte (twice on line 5: still one line); line 4 is fine
            out.writeBytes(
                    line == 4
                            ? bytes("fine,f@x.com\r\n")
                            : bytes(
                                    "id",
                                    new byte[] {(byte) 0xFC},
                                    ",a@x.com",
                                    line == 5 ? new byte[] {(byte) 0xFC} : new byte[0],
                                    "\r\n"));
        }
        LoadedCsv csv = read(out.toByteArray());
        assertThat(lines(csv.problems()))
                .containsExactly("0: line 3: not valid UTF-8 (byte 0xFC at column 3), "
                        + "also on lines 5, 6, 7, 8 and 2 more; save the file as UTF-8");
    }

    @Test
    void brokenAndTruncatedSequencesAreCaughtButValidMultiByteTextIsNot() throws IOException {
        // "é" in UTF-8 is fine; C3 followed by '(' is a broken sequence; E2 82 at the very end is cut short
        LoadedCsv broken =
                read(bytes(HEADER, "caf\u00e9,", new byte[] {(byte) 0xC3}, "(@x.com\nid,a@x.com", new byte[] {
                    (byte) 0xE2, (byte) 0x82
                }));
        assertThat(lines(broken.problems()))
                .containsExactly(
                        "0: line 2: not valid UTF-8 (byte 0xC3 at column 7), also on line 3; save the file as UTF-8");
        // an encoded surrogate (ED A0 80) and an overlong slash (C0 AF) are not UTF-8 either
        LoadedCsv strict = read(bytes(
                HEADER,
                "a",
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                ",b\n",
                "c,",
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                "\n"));
        assertThat(lines(strict.problems()))
                .containsExactly(
                        "0: line 2: not valid UTF-8 (byte 0xED at column 2), also on line 3; save the file as UTF-8");
    }

    @Test
    void fourByteCharactersAreValidText() throws IOException {
        LoadedCsv csv =
                read(bytes("account_id,email,note\n5b10ac8d82e05b22cc7d4ef5,ann@new.example.com,\uD83D\uDE00 ok\n"));
        assertThat(csv.problems()).isEmpty();
        assertThat(csv.rows().get(0).cells())
                .containsExactly("5b10ac8d82e05b22cc7d4ef5", "ann@new.example.com", "\uD83D\uDE00 ok");
    }

    @Test
    void nulBytesMakeABinaryFile() throws IOException {
        LoadedCsv csv = read(bytes(HEADER, "ab", new byte[] {0, 1, 2, 3}, "\n"));
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "0: this is not a text file (it contains NUL bytes, the first at line 2, column 3); save it as CSV UTF-8");
    }

    @Test
    void randomBytesWithoutNulAreMostlyNotText() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if (noise[i] == 0) {
                noise[i] = 1;
            }
        }
        LoadedCsv csv = read(noise);
        assertThat(lines(csv.problems()))
                .containsExactly("0: this is not a text file (most of its bytes are control "
                        + "characters or not UTF-8); save it as CSV UTF-8");
    }

    @Test
    void aWorkbookIsToldToBeSavedAsCsv() throws IOException {
        LoadedCsv csv = read(bytes(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, "[Content_Types].xml"));
        assertThat(csv.fatal()).isTrue();
        assertThat(csv.problems().get(0).message())
                .startsWith("this is a spreadsheet workbook")
                .endsWith("save it as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8)");
    }

    @Test
    void aByteOrderMarkAloneOrOnlyBlankLinesIsAnEmptyFile() throws IOException {
        assertThat(lines(
                        read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).problems()))
                .containsExactly("0: the file is empty");
        LoadedCsv blank = read(bytes("\n  \r\n,,\n"));
        assertThat(lines(blank.problems())).containsExactly("0: the file is empty (only blank lines)");
        assertThat(lines(blank.repairs())).contains("0: skipped 3 blank lines (lines 1, 2, 3)");
    }

    @Test
    void textAfterAClosingQuoteStopsTheFileAtThatRow() throws IOException {
        LoadedCsv csv = read(bytes(
                HEADER,
                "5b10ac8d82e05b22cc7d4ef5,ann@new.example.com\n",
                "5b10a2844c20165700ede21g,\"bob\"@new.example.com\n",
                "5c8e1f2a3b4c5d6e7f809102,dee@new.example.com\n"));
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "0: the file cannot be read past line 3 (see that line)",
                        "3: text follows a closing quote before the next comma; quote the whole value and write a quote "
                                + "inside it as \"\"");
        assertThat(values(csv)).containsExactly("2 5b10ac8d82e05b22cc7d4ef5 ann@new.example.com ");
    }

    @Test
    void lookAlikeAndInvisibleCharactersInEmailsAreNamed() throws IOException {
        LoadedCsv csv = read(bytes(
                HEADER,
                "id1,ann\u00a0@x.com\n",
                "id2,bob@x\u200b.com\n",
                "id3,c\u043ey@x.com\n",
                "id4,dee\uff20x.com\n"));
        assertThat(lines(csv.problems()))
                .containsExactly(
                        "2: email contains U+00A0 NO-BREAK SPACE, which looks like a space (character 4 of 'ann\u00a0@x.com')",
                        "3: email contains U+200B ZERO WIDTH SPACE, which is invisible (character 6 of 'bob@x\u200b.com')",
                        "4: email contains U+043E CYRILLIC SMALL LETTER O, which looks like 'o' (character 2 of 'c\u043ey@x.com')",
                        "5: email contains U+FF20 FULLWIDTH COMMERCIAL AT, which looks like '@' (character 4 of 'dee\uff20x.com')");
    }

    @Test
    void semicolonSeparatedFilesAreToldToUseCommas() throws IOException {
        LoadedCsv csv = read(bytes("account_id;email\n5b10ac8d82e05b22cc7d4ef5;ann@new.example.com\n"));
        assertThat(csv.fatal()).isTrue();
        assertThat(lines(csv.problems()))
                .hasSize(3)
                .last()
                .isEqualTo("0: the header line has no commas but "
                        + "semicolons; save the file as CSV UTF-8, which separates values with commas");
    }

    @Test
    void aRepeatedHeaderLineIsReportedAsSuch() throws IOException {
        LoadedCsv csv = read(bytes(
                "\uFEFFaccount_id,email\n5b10ac8d82e05b22cc7d4ef5,ann@new.example.com\n",
                "Account_ID,Email\n5b10a2844c20165700ede21g,bob@new.example.com\n"));
        assertThat(lines(csv.problems()))
                .containsExactly("3: this line repeats the header line (were two files joined?)");
        assertThat(csv.rows()).hasSize(3);
    }

    @Test
    void anUnreadableFileIsAnIOExceptionNotAProblem() {
        assertThatThrownBy(() -> READER.read(dir.resolve("missing.csv"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> READER.read(dir)).isInstanceOf(IOException.class);
    }
}

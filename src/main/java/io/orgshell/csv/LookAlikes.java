package io.orgshell.csv;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Names a non-ASCII character found in an identifier, and says what it passes for: a Cyrillic 'а' in an email looks
 * exactly like the Latin 'a' but is another address. A small table covers the usual Cyrillic and Greek look-alikes
 * and invisible characters; accented and full-width letters are recognised by decomposing them.
 */
final class LookAlikes {

    private static final Map<Integer, String> LOOKS_LIKE = Map.ofEntries(
            // Cyrillic
            Map.entry(0x0430, "a"),
            Map.entry(0x0435, "e"),
            Map.entry(0x043E, "o"),
            Map.entry(0x0440, "p"),
            Map.entry(0x0441, "c"),
            Map.entry(0x0443, "y"),
            Map.entry(0x0445, "x"),
            Map.entry(0x0455, "s"),
            Map.entry(0x0456, "i"),
            Map.entry(0x0458, "j"),
            Map.entry(0x04BB, "h"),
            Map.entry(0x0501, "d"),
            Map.entry(0x051B, "q"),
            Map.entry(0x051D, "w"),
            Map.entry(0x0410, "A"),
            Map.entry(0x0412, "B"),
            Map.entry(0x0415, "E"),
            Map.entry(0x041A, "K"),
            Map.entry(0x041C, "M"),
            Map.entry(0x041D, "H"),
            Map.entry(0x041E, "O"),
            Map.entry(0x0420, "P"),
            Map.entry(0x0421, "C"),
            Map.entry(0x0422, "T"),
            Map.entry(0x0425, "X"),
            Map.entry(0x0405, "S"),
            Map.entry(0x0406, "I"),
            Map.entry(0x0408, "J"),
            // Greek
            Map.entry(0x03B1, "a"),
            Map.entry(0x03B9, "i"),
            Map.entry(0x03BA, "k"),
            Map.entry(0x03BD, "v"),
            Map.entry(0x03BF, "o"),
            Map.entry(0x03C1, "p"),
            Map.entry(0x03C5, "u"),
            Map.entry(0x0391, "A"),
            Map.entry(0x0392, "B"),
            Map.entry(0x0395, "E"),
            Map.entry(0x0396, "Z"),
            Map.entry(0x0397, "H"),
            Map.entry(0x0399, "I"),
            Map.entry(0x039A, "K"),
            Map.entry(0x039C, "M"),
            Map.entry(0x039D, "N"),
            Map.entry(0x039F, "O"),
            Map.entry(0x03A1, "P"),
            Map.entry(0x03A4, "T"),
            Map.entry(0x03A5, "Y"),
            Map.entry(0x03A7, "X"),
            // Latin and punctuation that decomposition does not map
            Map.entry(0x0131, "i"),
            Map.entry(0x2010, "-"),
            Map.entry(0x2011, "-"),
            Map.entry(0x2012, "-"),
            Map.entry(0x2013, "-"),
            Map.entry(0x2212, "-"),
            Map.entry(0x2024, "."),
            Map.entry(0x3002, "."));

    private static final Map<Integer, String> SPACES_AND_INVISIBLES = Map.of(
            0x00A0,
            "which looks like a space",
            0x2007,
            "which looks like a space",
            0x202F,
            "which looks like a space",
            0x200B,
            "which is invisible",
            0x200C,
            "which is invisible",
            0x200D,
            "which is invisible",
            0x2060,
            "which is invisible",
            0xFEFF,
            "which is invisible",
            0x00AD,
            "which is invisible");

    private LookAlikes() {}

    /** Index of the first character outside ASCII, or -1. */
    static int firstNonAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /** e.g. "U+0430 CYRILLIC SMALL LETTER A, which looks like 'a'". */
    static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        String id = String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " " + name);
        return id + ", " + passesFor(codePoint);
    }

    private static String passesFor(int codePoint) {
        String invisible = SPACES_AND_INVISIBLES.get(codePoint);
        if (invisible != null) {
            return invisible;
        }
        String ascii = LOOKS_LIKE.get(codePoint);
        if (ascii == null) {
            ascii = decomposedAscii(codePoint);
        }
        return ascii == null ? "which is not ASCII" : "which looks like '" + ascii + "'";
    }

    /** 'é' → "e", full-width '＠' → "@": the single ASCII character left after compatibility decomposition. */
    private static String decomposedAscii(int codePoint) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        if (decomposed.length() == 1 && decomposed.charAt(0) > ' ' && decomposed.charAt(0) < 0x7F) {
            return decomposed;
        }
        return null;
    }
}

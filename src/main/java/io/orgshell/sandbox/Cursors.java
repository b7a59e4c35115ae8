package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors. A cursor names a position in a list's stable order, the kind of list it belongs to and
 * an optional payload (v2 searches keep their filters there, because a v2 cursor replaces all other
 * parameters), with a check value keyed by the seed, all base64url-encoded: a client cannot forge or mistype
 * one without getting 400, and a users cursor is not accepted for domains.
 */
final class Cursors {

    record Position(int position, String payload) {}

    private Cursors() {}

    static String encode(String kind, int position, long seed) {
        return encode(kind, position, "", seed);
    }

    static String encode(String kind, int position, String payload, long seed) {
        String raw =
                kind + ":" + position + ":" + Long.toHexString(check(kind, position, payload, seed)) + ":" + payload;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the position, or -1 if the cursor is not one this sandbox issued for that kind of list */
    static int decode(String kind, String cursor, long seed) {
        Position p = decodeWithPayload(kind, cursor, seed);
        return p == null ? -1 : p.position();
    }

    /** @return the position and payload, or null if the cursor is not one this sandbox issued for that kind */
    static Position decodeWithPayload(String kind, String cursor, long seed) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 4);
            if (parts.length != 4 || !parts[0].equals(kind)) return null;
            int position = Integer.parseInt(parts[1]);
            if (position < 0
                    || !Long.toHexString(check(kind, position, parts[3], seed)).equals(parts[2])) return null;
            return new Position(position, parts[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long check(String kind, int position, String payload, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L + position;
        h ^= kind.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h += payload.hashCode() * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }
}

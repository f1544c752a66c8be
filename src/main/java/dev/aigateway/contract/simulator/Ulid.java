package dev.aigateway.contract.simulator;

import java.security.SecureRandom;

/** ULIDs (26 Crockford base32 characters: 48-bit time, 80 random bits), the tail of a generation id. */
final class Ulid {

    static final int LENGTH = 26;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulid() {}

    static String next() {
        char[] out = new char[LENGTH];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < LENGTH; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    /** The ULID that ends {@code id} (a generation id: the gateway's prefix, then a ULID). */
    static String endOf(String id) {
        return id.substring(id.length() - LENGTH);
    }
}

package dev.aigateway.contract.simulator;

import java.security.SecureRandom;

/** ULIDs (26 Crockford base32 characters: 48-bit time, 80 random bits), as in {@code gen_<ulid>}. */
final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulid() {}

    static String next() {
        char[] out = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    static String generationId() {
        return "gen_" + next();
    }
}

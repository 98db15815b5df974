package org.dmpgateway.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of the patient side: the 12-character provisional code (letters and digits, like the
 * seed's example {@code HuqZF3KXCz8k}), 6-digit one-time codes, and opaque tokens (journey,
 * session); all drawn from {@link SecureRandom} and stored only as their SHA-256 (a code has at
 * least 62^12 values and a bounded number of attempts, a token 256 random bits: a plain digest is
 * enough, unlike a password).
 */
public final class SecretCodes {
    /** Letters and digits without the look-alikes 0/O, 1/l/I, so that a code read on paper is typed right. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public static final int PROVISIONAL_CODE_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretCodes() {
    }

    public static String provisionalCode() {
        StringBuilder code = new StringBuilder(PROVISIONAL_CODE_LENGTH);
        for (int i = 0; i < PROVISIONAL_CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public static String oneTimeCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Compares {@code secret}'s digest with a stored one in constant time. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

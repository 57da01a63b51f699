package dev.inlet.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** <b>Internal</b> (not API; see the package).
 * Hex and base64 helpers for the verification path: they compare a computed MAC with the text of a
 * header in constant time without decoding the header into a new array or a new string.
 */
public final class Encodings {

    private static final byte[] HEX_VALUE = new byte[128];
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX_VALUE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX_VALUE['a' + i] = (byte) (10 + i);
            HEX_VALUE['A' + i] = (byte) (10 + i);
        }
    }

    private Encodings() {
    }

    /**
     * Whether {@code text[from, to)} is the hex encoding (either case) of {@code mac[0, macLength)}.
     * Runs in time that depends only on the lengths, never on where the first difference is: an
     * attacker must not learn how many leading bytes of a forged signature were right.
     */
    public static boolean hexEquals(byte[] mac, int macLength, CharSequence text, int from, int to) {
        if (to - from != 2 * macLength || macLength == 0) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < macLength; i++) {
            int hi = nibble(text.charAt(from + 2 * i));
            int lo = nibble(text.charAt(from + 2 * i + 1));
            // A non-hex character yields -1, which sets high bits in diff: never a match.
            diff |= ((hi << 4) | lo) ^ (mac[i] & 0xff);
            diff |= (hi | lo) & 0x100;
        }
        return diff == 0;
    }

    /**
     * Whether {@code text[from, to)} equals the ASCII bytes {@code expected[0, length)}, in time that
     * depends only on the lengths.
     */
    public static boolean asciiEquals(byte[] expected, int length, CharSequence text, int from, int to) {
        if (to - from != length || length == 0) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= text.charAt(from + i) ^ (expected[i] & 0xff);
        }
        return diff == 0;
    }

    /** Whether {@code text[from, to)} is hex (either case) of exactly {@code bytes} bytes. */
    public static boolean isHex(CharSequence text, int from, int to, int bytes) {
        if (to - from != 2 * bytes) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if ((nibble(text.charAt(i)) & 0x100) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text[from, to)} is base64 (standard, or base64url when {@code url}; padding
     * optional for base64url) of exactly {@code bytes} bytes.
     */
    public static boolean isBase64(String text, int from, int to, int bytes, boolean url) {
        if (from < 0 || to > text.length() || from >= to) {
            return false;
        }
        try {
            byte[] decoded = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text.substring(from, to));
            return decoded.length == bytes;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static int nibble(char c) {
        return c < 128 ? HEX_VALUE[c] & 0x1ff : 0x1ff;
    }

    /** Lower-case hex of {@code bytes[0, length)}. */
    public static String hex(byte[] bytes, int length) {
        char[] out = new char[2 * length];
        for (int i = 0; i < length; i++) {
            out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Hex decoding, or {@code null} if the text is not an even-length hex string. */
    public static byte[] decodeHex(String text) {
        if (text.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = nibble(text.charAt(2 * i));
            int lo = nibble(text.charAt(2 * i + 1));
            if (((hi | lo) & 0x100) != 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Standard (RFC 4648 §4) base64 decoding, or {@code null} if the text is not valid base64. */
    public static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** Standard base64 of {@code bytes[0, length)} as ASCII bytes. */
    public static byte[] base64Ascii(byte[] bytes, int length) {
        byte[] input = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
        return Base64.getEncoder().encode(input);
    }

    /** Standard base64 of {@code bytes[0, length)}. */
    public static String base64(byte[] bytes, int length) {
        return new String(base64Ascii(bytes, length), StandardCharsets.US_ASCII);
    }

    /** Base64url (RFC 4648 §5) ASCII bytes without padding. */
    public static byte[] base64UrlAscii(byte[] bytes, int length) {
        byte[] input = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
        return Base64.getUrlEncoder().withoutPadding().encode(input);
    }
}

package dev.inlet.webhooks.verify;

/** How bytes (a signature or a secret) are written as text. */
public enum ByteEncoding {
    /** Hexadecimal; either case is accepted when reading, lower case is written. */
    HEX,
    /** Standard base64 with padding (RFC 4648 §4). */
    BASE64,
    /** URL-safe base64 without padding (RFC 4648 §5). */
    BASE64URL,
    /** The text's UTF-8 bytes, as is: for secrets that are plain strings. Not valid for signatures. */
    UTF8
}

package fr.passerelle.companycsv;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Rows in PostgreSQL's {@code COPY} text format, encoded straight into UTF-8 bytes: {@code \N} for null,
 * backslash escapes for the separators. A hundred thousand rows of an import go through it; writing the
 * bytes at once spares a StringBuilder, its String and that String's bytes for every block sent.
 */
final class CopyRowBuffer {

    private byte[] bytes;
    private int size;

    CopyRowBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** The bytes written so far are {@code array()[0, size())}. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** A staging row: its line, then its values in {@code STAGING_COLUMNS}' order. */
    void row(ImportRowChecker.Row row) {
        number(row.line());
        value(row.siret());
        value(row.legalName());
        value(row.tradeName());
        value(row.nafCode());
        value(row.workforceBracket());
        value(row.street());
        value(row.postcode());
        value(row.commune());
        value(row.departmentCode());
        value(row.website());
        value(row.labels());
        value(row.firstName());
        value(row.lastName());
        value(row.jobTitle());
        value(row.email());
        value(row.phone());
        put((byte) '\n');
    }

    private void number(long value) {
        String digits = Long.toString(value);
        ensure(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            bytes[size++] = (byte) digits.charAt(i);
        }
    }

    /** A tab, then the value as COPY reads it. */
    private void value(@Nullable String value) {
        put((byte) '\t');
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return;
        }
        // At most three bytes a char (a surrogate pair is two chars for four bytes), or two for an escape.
        ensure(3 * value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escape('\\');
                case '\t' -> escape('t');
                case '\n' -> escape('n');
                case '\r' -> escape('r');
                default -> {
                    if (c < 0x80) {
                        bytes[size++] = (byte) c;
                    } else if (c < 0x800) {
                        bytes[size++] = (byte) (0xC0 | c >> 6);
                        bytes[size++] = (byte) (0x80 | c & 0x3F);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        int code = Character.toCodePoint(c, value.charAt(++i));
                        bytes[size++] = (byte) (0xF0 | code >> 18);
                        bytes[size++] = (byte) (0x80 | code >> 12 & 0x3F);
                        bytes[size++] = (byte) (0x80 | code >> 6 & 0x3F);
                        bytes[size++] = (byte) (0x80 | code & 0x3F);
                    } else if (Character.isSurrogate(c)) {
                        // What String.getBytes(UTF_8) writes for half a pair.
                        bytes[size++] = '?';
                    } else {
                        bytes[size++] = (byte) (0xE0 | c >> 12);
                        bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                        bytes[size++] = (byte) (0x80 | c & 0x3F);
                    }
                }
            }
        }
    }

    private void escape(char c) {
        bytes[size++] = '\\';
        bytes[size++] = (byte) c;
    }

    private void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

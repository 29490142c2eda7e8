package fr.passerelle.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes into characters and knows on which line an undecodable byte stands. Unlike
 * {@link java.io.InputStreamReader}, which fails on a whole buffer ahead of the reader, it first hands
 * over every character before the bad byte, then fails with the line of that byte.
 */
final class DecodingReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private boolean flushed;
    private long lineBreaks;
    private boolean afterCarriageReturn;

    DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        // Single-byte encodings (windows-1252) decode any byte; a UTF encoding must be right or be reported.
        CodingErrorAction onError = isUnicode(charset) ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        this.decoder = charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
    }

    static boolean isUnicode(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("UTF-");
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            if (flushed) {
                return -1;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (out.position() > offset) {
                    break;
                }
                throw new UndecodableInputException(lineBreaks + 1);
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
            } else {
                fill();
            }
        }
        int count = out.position() - offset;
        countLineBreaks(buffer, offset, count);
        return count;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    private void countLineBreaks(char[] buffer, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = buffer[i];
            if (c == '\r' || c == '\n' && !afterCarriageReturn) {
                lineBreaks++;
            }
            afterCarriageReturn = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes that are not text in the reader's encoding, on a line counted from 1. */
    static final class UndecodableInputException extends IOException {

        @Serial
        private static final long serialVersionUID = 1L;

        private final long line;

        UndecodableInputException(long line) {
            super("Undecodable bytes on line " + line);
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}

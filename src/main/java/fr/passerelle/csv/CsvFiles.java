package fr.passerelle.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Opening a CSV file that someone brought: {@link #detect} looks at its beginning to refuse what is not
 * CSV and to find its encoding, delimiter and header; {@link #open} then streams its records.
 */
public final class CsvFiles {

    /** What {@link #detect} reads at most. */
    static final int SAMPLE_BYTES = 64 * 1024;
    /** The records the delimiter is chosen on. */
    private static final int SAMPLE_RECORDS = 100;
    /** What French Excel writes when it is not told otherwise. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Delimiters in the order they win ties: French Excel writes {@code ;}. */
    private static final char[] DELIMITERS = {';', ',', '\t'};

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private CsvFiles() {
    }

    /**
     * Reads at most the first 64 KiB of a file: refuses an empty file ({@code csv.error.empty}), a
     * spreadsheet (.xlsx, .ods, .xls: {@code csv.error.spreadsheet}) and binary content
     * ({@code csv.error.binary}); finds the encoding (a byte order mark; else UTF-8 when the bytes are
     * valid UTF-8; else windows-1252, which French Excel writes), the delimiter (the one among {@code ;},
     * {@code ,} and tab that gives the most records of one same number of columns, quotes honoured;
     * {@code ;} wins ties) and the header (the first record that is not blank).
     */
    public static DetectedCsv detect(Path file) throws CsvException, IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        boolean truncated = Files.size(file) > sample.length;
        if (sample.length == 0) {
            throw new CsvException("csv.error.empty");
        }
        if (startsWith(sample, ZIP) || startsWith(sample, OLE2)) {
            throw new CsvException("csv.error.spreadsheet");
        }
        Bom bom = Bom.of(sample);
        Charset charset;
        if (bom != null) {
            charset = bom.charset;
        } else {
            if (contains(sample, (byte) 0)) {
                throw new CsvException("csv.error.binary");
            }
            charset = isUtf8(sample, truncated) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = decode(sample, bom == null ? 0 : bom.bytes.length, charset);
        if (looksBinary(text)) {
            throw new CsvException("csv.error.binary");
        }
        if (truncated) {
            // The last line may be cut in the middle.
            int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
            if (lastBreak > 0) {
                text = text.substring(0, lastBreak + 1);
            }
        }
        char delimiter = delimiter(text);
        List<String> header = firstRecord(text, delimiter);
        if (header.isEmpty()) {
            throw new CsvException("csv.error.empty");
        }
        return new DetectedCsv(new CsvDialect(charset, delimiter), bom != null, header);
    }

    /**
     * Streams the records of a file after its header, with the dialect {@link #detect} found (a byte order
     * mark is skipped). Fails with {@code csv.error.empty} when the file has no header, and with
     * {@code csv.error.encoding} (and the line) when the header cannot be decoded.
     */
    public static CsvReader open(Path file, CsvDialect dialect) throws CsvException, IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            skipBom(in, dialect.charset());
            return new CsvReader(new DecodingReader(in, dialect.charset()), dialect.delimiter());
        } catch (CsvException | IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void skipBom(InputStream in, Charset charset) throws IOException {
        in.mark(4);
        Bom bom = Bom.of(in.readNBytes(3));
        in.reset();
        if (bom != null && bom.charset.equals(charset)) {
            in.skipNBytes(bom.bytes.length);
        }
    }

    /** The byte order marks, and the encodings they announce. */
    private enum Bom {
        UTF_8(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        UTF_16LE(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        UTF_16BE(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});

        final Charset charset;
        final byte[] bytes;

        Bom(Charset charset, byte[] bytes) {
            this.charset = charset;
            this.bytes = bytes;
        }

        static @Nullable Bom of(byte[] start) {
            for (Bom bom : values()) {
                if (startsWith(start, bom.bytes)) {
                    return bom;
                }
            }
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, byte wanted) {
        for (byte b : bytes) {
            if (b == wanted) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bytes are UTF-8 (a sequence cut by the end of the sample counts as valid). */
    private static boolean isUtf8(byte[] sample, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(sample.length);
        return !decoder.decode(ByteBuffer.wrap(sample), out, !truncated).isError();
    }

    /** The sample as text; bytes that are not (a sequence cut at the end of the sample) become U+FFFD. */
    private static String decode(byte[] sample, int skip, Charset charset) {
        return new String(sample, skip, sample.length - skip, charset);
    }

    /** NUL characters, or more control characters than a text file has (tabs and line breaks aside). */
    private static boolean looksBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        return controls > Math.max(8, text.length() / 100);
    }

    /**
     * The delimiter that splits the most records into one same number of columns (two or more); a file
     * of one column keeps {@code ;}.
     */
    private static char delimiter(String text) {
        char best = DELIMITERS[0];
        int bestScore = 0;
        for (char delimiter : DELIMITERS) {
            int score = consistency(columnCounts(text, delimiter));
            if (score > bestScore) {
                best = delimiter;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<Integer> columnCounts(String text, char delimiter) {
        List<Integer> counts = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(CsvReader.format(delimiter).builder().setLenientEof(true).get()).get()) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (!CsvReader.isBlank(values)) {
                    counts.add(values.size());
                    if (counts.size() == SAMPLE_RECORDS) {
                        break;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // A quote this delimiter cannot make sense of: the records read so far are its score.
        }
        return counts;
    }

    /** How many records have the most frequent number of columns, when that number is at least two. */
    private static int consistency(List<Integer> counts) {
        Map<Integer, Integer> frequencies = new HashMap<>();
        int best = 0;
        for (int count : counts) {
            int frequency = frequencies.merge(count, 1, Integer::sum);
            if (count >= 2 && frequency > best) {
                best = frequency;
            }
        }
        return best;
    }

    private static List<String> firstRecord(String text, char delimiter) throws CsvException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(CsvReader.format(delimiter).builder().setLenientEof(true).get()).get()) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (!CsvReader.isBlank(values)) {
                    return CsvReader.header(values);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CsvException("csv.error.malformed", 1L);
        }
        return List.of();
    }
}

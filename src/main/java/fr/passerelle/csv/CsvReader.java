package fr.passerelle.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The records of a CSV file after its header, streamed in one pass: blank lines (and lines of empty
 * values, as Excel writes {@code ;;;}) are skipped, and empty values beyond the header's width are
 * dropped. A record with another number of values than the header is returned as it is: telling the
 * person about it is the caller's business. An undecodable byte or a quote never closed ends the
 * iteration with an {@link UncheckedCsvException}.
 */
public final class CsvReader implements Closeable, Iterable<CsvRecord> {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    /** Empty values beyond it are dropped; none until the header is read. */
    private int width = Integer.MAX_VALUE;
    private boolean iterating;

    CsvReader(Reader source, char delimiter) throws CsvException, IOException {
        this.parser = CSVParser.builder().setReader(source).setFormat(format(delimiter)).get();
        this.records = parser.iterator();
        CsvRecord first;
        try {
            first = next();
        } catch (UncheckedCsvException e) {
            parser.close();
            throw e.getCause();
        }
        if (first == null) {
            parser.close();
            throw new CsvException("csv.error.empty");
        }
        this.header = header(first.values());
        this.width = header.size();
    }

    /** How records are parsed: RFC 4180 quotes, lenient about text after a closing quote ({@code "A" SA}). */
    static CSVFormat format(char delimiter) {
        return CSVFormat.Builder.create().setDelimiter(delimiter).setQuote('"').setRecordSeparator("\r\n")
                .setIgnoreEmptyLines(false).setTrailingData(true).get();
    }

    /** The header's values, stripped, without trailing empty columns. */
    static List<String> header(List<String> values) {
        List<String> names = new ArrayList<>(values.size());
        for (String value : values) {
            names.add(value.strip());
        }
        int end = names.size();
        while (end > 0 && names.get(end - 1).isEmpty()) {
            end--;
        }
        return List.copyOf(names.subList(0, end));
    }

    static boolean isBlank(List<String> values) {
        return values.stream().allMatch(String::isBlank);
    }

    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<CsvRecord> iterator() {
        if (iterating) {
            throw new IllegalStateException("A CsvReader is read in one pass");
        }
        iterating = true;
        return new Iterator<>() {
            private @Nullable CsvRecord next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = CsvReader.this.next();
                }
                return next != null;
            }

            @Override
            public CsvRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRecord record = next;
                next = null;
                return record;
            }
        };
    }

    /** The next record that is not blank, or null at the end. */
    private @Nullable CsvRecord next() {
        while (true) {
            // The parser has consumed the line break ending the previous record: the next one starts on the next line.
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw failure(e, line);
            }
            List<String> values = record.toList();
            if (!isBlank(values)) {
                return new CsvRecord(line, withoutEmptyValuesBeyond(values, width));
            }
        }
    }

    private static List<String> withoutEmptyValuesBeyond(List<String> values, int width) {
        int end = values.size();
        while (end > width && values.get(end - 1).isEmpty()) {
            end--;
        }
        return end == values.size() ? values : values.subList(0, end);
    }

    private static RuntimeException failure(UncheckedIOException e, long recordLine) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DecodingReader.UndecodableInputException undecodable) {
                return new UncheckedCsvException(new CsvException("csv.error.encoding", undecodable.line()));
            }
            if (cause instanceof org.apache.commons.csv.CSVException) {
                return new UncheckedCsvException(new CsvException("csv.error.malformed", recordLine));
            }
        }
        return e;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

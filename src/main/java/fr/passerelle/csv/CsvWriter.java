package fr.passerelle.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * Writes a CSV file row by row in one of the {@link CsvFormat}s. Text that a spreadsheet would take for
 * a formula is neutralised ({@link #neutralise}); values are quoted only when they need it.
 */
public final class CsvWriter implements Closeable, Flushable {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    /** What a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;
    private final CsvFormat format;

    private CsvWriter(CSVPrinter printer, CsvFormat format) {
        this.printer = printer;
        this.format = format;
    }

    /** A writer on {@code out}, which {@link #close()} closes; for {@link CsvFormat#EXCEL_FR} the BOM comes first. */
    public static CsvWriter open(OutputStream out, CsvFormat format) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        char delimiter = format == CsvFormat.EXCEL_FR ? ';' : ',';
        CSVFormat csv = CSVFormat.Builder.create().setDelimiter(delimiter).setQuote('"').setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get();
        try {
            if (format == CsvFormat.EXCEL_FR) {
                writer.write('\uFEFF'); // into the buffer: nothing reaches the stream yet
            }
            return new CsvWriter(new CSVPrinter(writer, csv), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one row: null as an empty value, dates in the format's way ({@link Instant}s in Paris time),
     * numbers as they are, and any other value as text, neutralised.
     */
    public void row(List<?> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(cell(value));
        }
        printer.printRecord(cells);
    }

    private String cell(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case LocalDate date -> format == CsvFormat.EXCEL_FR ? FRENCH_DATE.format(date) : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
            case Instant instant -> {
                var paris = instant.truncatedTo(ChronoUnit.SECONDS).atZone(PARIS);
                yield format == CsvFormat.EXCEL_FR ? FRENCH_DATE_TIME.format(paris) : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(paris);
            }
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            default -> neutralise(value.toString());
        };
    }

    /**
     * Text starting with {@code = + - @}, a tab or a carriage return gets a single quote in front, so that
     * a spreadsheet shows it instead of running it as a formula. A French phone number written
     * {@code +33…} is neutralised too.
     */
    public static String neutralise(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}

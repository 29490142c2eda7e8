package fr.passerelle.csv;

import java.io.Serial;

/**
 * A {@link CsvException} met while iterating over a {@link CsvReader}, whose iterator cannot throw
 * checked exceptions: an undecodable byte ({@code csv.error.encoding}) or a quote never closed
 * ({@code csv.error.malformed}), with the line.
 */
public final class UncheckedCsvException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public UncheckedCsvException(CsvException cause) {
        super(cause.key(), cause);
    }

    @Override
    public synchronized CsvException getCause() {
        return (CsvException) super.getCause();
    }
}

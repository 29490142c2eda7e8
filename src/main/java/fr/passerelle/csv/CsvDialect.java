package fr.passerelle.csv;

import java.nio.charset.Charset;

/** How a CSV file is written: its encoding and its delimiter, one of {@code ;}, {@code ,} and tab. */
public record CsvDialect(Charset charset, char delimiter) {

    public CsvDialect {
        if (delimiter != ';' && delimiter != ',' && delimiter != '\t') {
            throw new IllegalArgumentException("Unsupported CSV delimiter: " + (int) delimiter);
        }
    }
}

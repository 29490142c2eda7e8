package fr.passerelle.csv;

import java.util.List;

/**
 * A record after the header: the 1-based physical line on which it starts (a quoted value may span
 * lines), and its values as parsed (not stripped).
 */
public record CsvRecord(long line, List<String> values) {

    public CsvRecord {
        values = List.copyOf(values);
    }
}

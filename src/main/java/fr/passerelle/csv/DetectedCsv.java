package fr.passerelle.csv;

import java.util.List;

/**
 * What {@link CsvFiles#detect} found in a file: its dialect, whether it starts with a byte order mark,
 * and its header (values stripped, trailing empty columns dropped).
 */
public record DetectedCsv(CsvDialect dialect, boolean bom, List<String> header) {

    public DetectedCsv {
        header = List.copyOf(header);
    }
}

package fr.passerelle.csv;

/** The files {@link CsvWriter} writes. */
public enum CsvFormat {
    /** What French Excel opens with a double click: UTF-8 with a BOM, {@code ;}, CRLF, dates dd/MM/yyyy. */
    EXCEL_FR,
    /** RFC 4180: UTF-8 without BOM, {@code ,}, CRLF, ISO dates (yyyy-MM-dd). */
    RFC_4180
}

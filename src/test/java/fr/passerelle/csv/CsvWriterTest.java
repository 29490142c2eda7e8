package fr.passerelle.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path temporary;

    @Test
    void frenchExcelGetsABomSemicolonsCrlfAndFrenchDates() throws IOException {
        byte[] written = write(CsvFormat.EXCEL_FR, List.of("SIRET", "Raison sociale", "Mis à jour le"),
                Arrays.asList("13000548121800", null, LocalDate.of(2026, 11, 23)),
                List.of(12, new BigDecimal("1E+3"), Instant.parse("2026-07-14T08:30:00Z")));

        assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "SIRET;Raison sociale;Mis à jour le\r\n"
                        + "13000548121800;;23/11/2026\r\n"
                        + "12;1000;14/07/2026 10:30:00\r\n");
    }

    @Test
    void rfc4180HasNoBomCommasAndIsoDates() throws IOException {
        byte[] written = write(CsvFormat.RFC_4180, List.of("SIRET", "Date", "Instant"),
                List.of("13000548121800", LocalDate.of(2026, 11, 23), Instant.parse("2026-01-05T23:30:00Z")));

        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(
                "SIRET,Date,Instant\r\n13000548121800,2026-11-23,2026-01-06T00:30:00+01:00\r\n");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() throws IOException {
        byte[] written = write(CsvFormat.EXCEL_FR, List.of("=HYPERLINK(\"http://evil.example\";\"clic\")", "+cmd", "-2+3",
                "@SUM(A1:A2)", "\tcalc", "\rcalc", "+33612345678", -5, "Société = ok", "'déjà"));

        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"clic\"\")\";'+cmd;'-2+3;'@SUM(A1:A2);'\tcalc;\"'\rcalc\";"
                        + "'+33612345678;-5;Société = ok;'déjà\r\n");
        assertThat(CsvWriter.neutralise("")).isEmpty();
        assertThat(CsvWriter.neutralise("Dijon")).isEqualTo("Dijon");
    }

    @Test
    void valuesAreQuotedOnlyWhenTheyNeedIt() throws IOException {
        List<String> row = List.of("a;b", "a,b", "dit \"oui\"", "deux\r\nlignes", "simple");

        assertThat(new String(write(CsvFormat.RFC_4180, row), StandardCharsets.UTF_8))
                .isEqualTo("a;b,\"a,b\",\"dit \"\"oui\"\"\",\"deux\r\nlignes\",simple\r\n");
        byte[] excel = write(CsvFormat.EXCEL_FR, row);
        assertThat(new String(excel, 3, excel.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("\"a;b\";a,b;\"dit \"\"oui\"\"\";\"deux\r\nlignes\";simple\r\n");
    }

    @Test
    void whatIsWrittenIsDetectedAndReadBackAsItWas() throws Exception {
        List<List<String>> rows = List.of(
                List.of("SIRET", "Raison sociale", "Adresse", "Notes", "Vide"),
                List.of("13000548121800", "Œuvres de l’Hôtel & Cie", "12, rue de la Liberté; bât. B", "dit \"oui\"\r\npuis non", ""),
                List.of("44306184100047", "Façades Cœur", "", "1 500 €", ""));
        for (CsvFormat format : CsvFormat.values()) {
            Path file = temporary.resolve(format + ".csv");
            try (OutputStream out = Files.newOutputStream(file); CsvWriter writer = CsvWriter.open(out, format)) {
                for (List<String> row : rows) {
                    writer.row(row);
                }
            }

            DetectedCsv detected = CsvFiles.detect(file);
            assertThat(detected.dialect()).as(format.name())
                    .isEqualTo(new CsvDialect(StandardCharsets.UTF_8, format == CsvFormat.EXCEL_FR ? ';' : ','));
            assertThat(detected.bom()).isEqualTo(format == CsvFormat.EXCEL_FR);
            assertThat(detected.header()).containsExactly("SIRET", "Raison sociale", "Adresse", "Notes", "Vide");
            List<List<String>> read = new ArrayList<>();
            try (CsvReader reader = CsvFiles.open(file, detected.dialect())) {
                reader.forEach(record -> read.add(record.values()));
            }
            assertThat(read).as(format.name()).containsExactlyElementsOf(rows.subList(1, rows.size()));
        }
    }

    private static byte[] write(CsvFormat format, List<?>... rows) throws IOException {
        var out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.open(out, format)) {
            for (List<?> row : rows) {
                writer.row(row);
            }
        }
        return out.toByteArray();
    }
}

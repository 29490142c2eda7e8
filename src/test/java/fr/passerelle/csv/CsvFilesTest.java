package fr.passerelle.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection and reading over the corpus of {@code src/test/resources/csv-corpus} (made by its {@code make-corpus.py}). */
class CsvFilesTest {

    @TempDir
    Path temporary;

    @Test
    void frenchExcelUtf8WithBomIsReadWithItsAccentsAndEmptyValues() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("excel-fr-utf8-bom-semicolon.csv"));

        assertThat(detected.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, ';'));
        assertThat(detected.bom()).isTrue();
        assertThat(detected.header()).containsExactly("SIRET", "Raison sociale", "Code postal", "Commune", "Effectif");
        assertThat(read("excel-fr-utf8-bom-semicolon.csv", detected)).containsExactly(
                new CsvRecord(2, List.of("13000548121800", "Bâtiments Durand", "21000", "Dijon", "12")),
                new CsvRecord(3, List.of("44306184100047", "Société Générale d’Équipement", "69003", "Lyon 3e Arrondissement", "")),
                new CsvRecord(4, List.of("55208131766522", "Cœur de Bœuf & Fils", "75011", "Paris", "53")));
    }

    @Test
    void utf8WithoutBomAndCommasKeepsTheCommasOfQuotedValues() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("utf8-comma.csv"));

        assertThat(detected.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, ','));
        assertThat(detected.bom()).isFalse();
        assertThat(detected.header()).containsExactly("siret", "raison_sociale", "adresse", "commune");
        assertThat(read("utf8-comma.csv", detected)).extracting(CsvRecord::values).containsExactly(
                List.of("13000548121800", "Bâtiments Durand", "12, rue de la Liberté", "Dijon"),
                List.of("44306184100047", "Durand, Martin et Cie", "3, place Bellecour", "Lyon"));
    }

    @Test
    void windows1252FromFrenchExcelIsRecognisedByItsAccents() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("windows-1252-semicolon.csv"));

        assertThat(detected.dialect()).isEqualTo(new CsvDialect(CsvFiles.WINDOWS_1252, ';'));
        assertThat(detected.bom()).isFalse();
        assertThat(read("windows-1252-semicolon.csv", detected)).extracting(CsvRecord::values).containsExactly(
                List.of("13000548121800", "Électricité Générale", "Besançon", "Très bien reçu"),
                List.of("44306184100047", "Œuvres de l’Hôtel", "Mâcon", "Budget 1 500 €"),
                List.of("55208131766522", "Façades Cœur", "Nîmes", "à rappeler en août"));
    }

    @Test
    void tabsWinOverASemicolonInAValue() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("tab-delimited.tsv"));

        assertThat(detected.dialect().delimiter()).isEqualTo('\t');
        assertThat(read("tab-delimited.tsv", detected)).extracting(CsvRecord::values)
                .contains(List.of("44306184100047", "Transports Martin; Fils", "Lyon"));
    }

    @Test
    void excelUnicodeTextIsUtf16WithItsBom() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("excel-unicode-utf16le.txt"));

        assertThat(detected.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_16LE, '\t'));
        assertThat(detected.bom()).isTrue();
        assertThat(detected.header()).containsExactly("SIRET", "Raison sociale", "Commune");
        assertThat(read("excel-unicode-utf16le.txt", detected)).containsExactly(
                new CsvRecord(2, List.of("13000548121800", "Établissements Pérez", "Périgueux")));
    }

    @Test
    void quotedValuesSpanLinesAndEachRecordKnowsTheLineItStartsOn() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("quoted-multiline.csv"));

        assertThat(detected.dialect().delimiter()).isEqualTo(';');
        assertThat(read("quoted-multiline.csv", detected)).containsExactly(
                new CsvRecord(2, List.of("13000548121800", "Le \"Bon\" Pain", "Première ligne\r\ndeuxième ligne\r\ntroisième ligne")),
                new CsvRecord(5, List.of("44306184100047", "Sans retour", "Une seule ligne, avec ; point-virgule")),
                new CsvRecord(6, List.of("55208131766522", "Nom sur\r\ndeux lignes", "fin")));
    }

    @Test
    void blankLinesAndLinesOfEmptyValuesAreSkippedButCounted() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("blank-lines.csv"));

        assertThat(detected.header()).containsExactly("SIRET", "Raison sociale", "Commune");
        assertThat(read("blank-lines.csv", detected)).containsExactly(
                new CsvRecord(4, List.of("13000548121800", "Bâtiments Durand", "Dijon")),
                new CsvRecord(8, List.of("44306184100047", "Transports Martin", "Lyon")));
    }

    @Test
    void excelsTrailingEmptyColumnsAreDropped() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("trailing-empty-columns.csv"));

        assertThat(detected.header()).containsExactly("SIRET", "Raison sociale", "Commune");
        assertThat(read("trailing-empty-columns.csv", detected)).extracting(CsvRecord::values).containsExactly(
                List.of("13000548121800", "Bâtiments Durand", "Dijon"),
                List.of("44306184100047", "Transports Martin", "Lyon"));
    }

    @Test
    void recordsWithAnotherNumberOfValuesAreReturnedForTheCallerToReport() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("wrong-column-count.csv"));

        assertThat(detected.dialect().delimiter()).isEqualTo(';');
        assertThat(read("wrong-column-count.csv", detected)).extracting(CsvRecord::values).containsExactly(
                List.of("13000548121800", "Bâtiments Durand", "Dijon"),
                List.of("44306184100047", "Transports Martin"),
                List.of("55208131766522", "Façades Cœur", "Nîmes", "en trop"),
                List.of("38012986643097", "Boulangerie Petit", "Auxerre"));
    }

    @Test
    void aFileWithOnlyItsHeaderHasNoRecords() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("header-only.csv"));

        assertThat(detected.header()).containsExactly("SIRET", "Raison sociale", "Commune");
        assertThat(read("header-only.csv", detected)).isEmpty();
    }

    @Test
    void emptySpreadsheetAndBinaryFilesAreRefusedWithTheirReason() {
        assertRefused("empty.csv", "csv.error.empty");
        assertRefused("spreadsheet.xlsx", "csv.error.spreadsheet");
        assertRefused("legacy.xls", "csv.error.spreadsheet");
        assertRefused("binary-garbage.csv", "csv.error.binary");
        assertRefused("control-characters.csv", "csv.error.binary");
    }

    @Test
    void aFileOfBlankLinesIsEmpty() throws IOException {
        Path blank = temporary.resolve("blank.csv");
        Files.writeString(blank, "\r\n  \r\n;;;\r\n");

        assertThatThrownBy(() -> CsvFiles.detect(blank)).isInstanceOfSatisfying(CsvException.class,
                e -> assertThat(e.key()).isEqualTo("csv.error.empty"));
        assertThatThrownBy(() -> CsvFiles.open(blank, new CsvDialect(StandardCharsets.UTF_8, ';')))
                .isInstanceOfSatisfying(CsvException.class, e -> assertThat(e.key()).isEqualTo("csv.error.empty"));
    }

    @Test
    void aQuoteNeverClosedIsReportedWithTheLineWhereItsRecordStarts() throws Exception {
        DetectedCsv detected = CsvFiles.detect(corpus("unclosed-quote.csv"));

        try (CsvReader reader = CsvFiles.open(corpus("unclosed-quote.csv"), detected.dialect())) {
            var records = reader.iterator();
            assertThat(records.next().line()).isEqualTo(2);
            assertThatThrownBy(records::hasNext).isInstanceOfSatisfying(UncheckedCsvException.class, e -> {
                assertThat(e.getCause().key()).isEqualTo("csv.error.malformed");
                assertThat(e.getCause().arguments()).containsExactly(3L);
            });
        }
    }

    @Test
    void aByteThatIsNotUtf8AfterTheDetectedSampleIsReportedWithItsLine() throws Exception {
        Path file = temporary.resolve("late-latin1.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("SIRET;Raison sociale\r\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3000; i++) {
                out.write(("1300054812180" + (i % 10) + ";Société numéro " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("44306184100047;Soci".getBytes(StandardCharsets.UTF_8));
            out.write(0xE9); // "é" in windows-1252, after the first 64 KiB
            out.write("t\r\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isGreaterThan(CsvFiles.SAMPLE_BYTES);
        DetectedCsv detected = CsvFiles.detect(file);
        assertThat(detected.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, ';'));

        List<CsvRecord> read = new ArrayList<>();
        try (CsvReader reader = CsvFiles.open(file, detected.dialect())) {
            assertThatThrownBy(() -> reader.forEach(read::add)).isInstanceOfSatisfying(UncheckedCsvException.class, e -> {
                assertThat(e.getCause().key()).isEqualTo("csv.error.encoding");
                assertThat(e.getCause().arguments()).containsExactly(3002L);
            });
        }
        assertThat(read).hasSize(3000).last().extracting(CsvRecord::line).isEqualTo(3001L);
    }

    @Test
    void tenMegabytesAreStreamedRecordByRecord() throws Exception {
        Path file = temporary.resolve("big.csv");
        int records = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\uFEFFSIRET;Raison sociale;Adresse;Commune;Notes\r\n");
            while (Files.size(file) < 10L * 1024 * 1024 || records % 100 != 0) {
                for (int i = 0; i < 100; i++, records++) {
                    out.write("13000548121800;Société " + records + ";\"" + records + ", rue de l’Église\";Dijon;\"sur\r\ndeux lignes\"\r\n");
                }
                out.flush();
            }
        }
        DetectedCsv detected = CsvFiles.detect(file);
        assertThat(detected.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, ';'));

        long count = 0;
        CsvRecord last = null;
        try (CsvReader reader = CsvFiles.open(file, detected.dialect())) {
            for (CsvRecord record : reader) {
                count++;
                last = record;
            }
        }
        assertThat(count).isEqualTo(records);
        assertThat(Objects.requireNonNull(last).line()).isEqualTo(2L * records);
        assertThat(last.values()).containsExactly("13000548121800", "Société " + (records - 1), (records - 1) + ", rue de l’Église",
                "Dijon", "sur\r\ndeux lignes");
    }

    @Test
    void aReaderIsReadOnce() throws Exception {
        Path file = corpus("utf8-comma.csv");
        try (CsvReader reader = CsvFiles.open(file, CsvFiles.detect(file).dialect())) {
            reader.iterator();
            assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    private void assertRefused(String name, String key) {
        assertThatThrownBy(() -> CsvFiles.detect(corpus(name))).as(name)
                .isInstanceOfSatisfying(CsvException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    private static List<CsvRecord> read(String name, DetectedCsv detected) throws Exception {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader reader = CsvFiles.open(corpus(name), detected.dialect())) {
            assertThat(reader.header()).isEqualTo(detected.header());
            reader.forEach(records::add);
        }
        return records;
    }

    static Path corpus(String name) {
        try {
            return Path.of(Objects.requireNonNull(CsvFilesTest.class.getResource("/csv-corpus/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.companycsv.ImportMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportOptionsTest {

    @Test
    void defaultsAreValidRowsOnlyDetectedDialectGuessedMappingAndTheAdminAccount() throws Exception {
        ImportOptions options = ImportOptions.parse(new String[] {"import", "companies", "membres.csv"});

        assertThat(options.help()).isFalse();
        assertThat(options.file()).isEqualTo(Path.of("membres.csv"));
        assertThat(options.dryRun()).isFalse();
        assertThat(options.mode()).isEqualTo(ImportMode.VALID_ROWS_ONLY);
        assertThat(options.encoding()).isNull();
        assertThat(options.delimiter()).isNull();
        assertThat(options.mapping()).isNull();
        assertThat(options.user()).isEqualTo("admin");
        assertThat(options.springArguments()).isEmpty();
    }

    @Test
    void everyOptionWithItsValueAfterASpaceOrAnEqualsSign() throws Exception {
        ImportOptions options = ImportOptions.parse(new String[] {"import", "--dry-run", "companies", "--all-or-nothing",
                "--encoding", "windows-1252", "--delimiter=tab", "membres.csv", "--mapping", "Fichier CCI", "--user=referent",
                "--passerelle.embedded-db.data-dir=/srv/passerelle"});

        assertThat(options.dryRun()).isTrue();
        assertThat(options.mode()).isEqualTo(ImportMode.ALL_OR_NOTHING);
        assertThat(options.encoding()).isEqualTo(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(options.delimiter()).isEqualTo('\t');
        assertThat(options.mapping()).isEqualTo("Fichier CCI");
        assertThat(options.user()).isEqualTo("referent");
        assertThat(options.springArguments()).containsExactly("--passerelle.embedded-db.data-dir=/srv/passerelle");
        assertThat(ImportOptions.parse(new String[] {"import", "companies", "f.csv", "--encoding=utf-8", "--delimiter", ","}))
                .satisfies(o -> {
                    assertThat(o.encoding()).isEqualTo(StandardCharsets.UTF_8);
                    assertThat(o.delimiter()).isEqualTo(',');
                });
        assertThat(ImportOptions.parse(new String[] {"import", "companies", "f.csv", "--delimiter", ";"}).delimiter()).isEqualTo(';');
    }

    @Test
    void helpWinsOverEverythingElse() throws Exception {
        assertThat(ImportOptions.parse(new String[] {"import", "--frobnicate", "--help"}).help()).isTrue();
        assertThat(ImportOptions.parse(new String[] {"import", "-h"}).help()).isTrue();
    }

    @Test
    void mistakesAreUsageErrorsWithTheirMessageKey() {
        assertUsage("import.cli.error.no-subject", "import");
        assertUsage("import.cli.error.unknown-subject", "import", "contacts", "f.csv");
        assertUsage("import.cli.error.no-file", "import", "companies");
        assertUsage("import.cli.error.extra-argument", "import", "companies", "a.csv", "b.csv");
        assertUsage("import.cli.error.unknown-option", "import", "companies", "f.csv", "--dryrun");
        assertUsage("import.cli.error.unknown-option", "import", "companies", "f.csv", "--port=9090");
        assertUsage("import.cli.error.missing-value", "import", "companies", "f.csv", "--encoding");
        assertUsage("import.cli.error.no-value", "import", "companies", "f.csv", "--dry-run=yes");
        assertUsage("import.cli.error.encoding-unknown", "import", "companies", "f.csv", "--encoding", "klingon-8");
        assertUsage("import.cli.error.delimiter-unknown", "import", "companies", "f.csv", "--delimiter", "|");
    }

    @Test
    void onlyArgumentsStartingWithImportAreACommand() {
        assertThat(ImportOptions.isImport(new String[] {"import", "companies", "f.csv"})).isTrue();
        assertThat(ImportOptions.isImport(new String[] {})).isFalse();
        assertThat(ImportOptions.isImport(new String[] {"--server.port=9090"})).isFalse();
    }

    private static void assertUsage(String key, String... args) {
        assertThatThrownBy(() -> ImportOptions.parse(args)).as(String.join(" ", args))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.key()).isEqualTo(key));
    }
}

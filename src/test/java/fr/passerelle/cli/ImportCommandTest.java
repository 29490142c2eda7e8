package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.partner.LuhnSirets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The command line's import run in-process, on the test database, as {@code main} runs it once the application is up. */
class ImportCommandTest extends IntegrationTest {

    private static final String HEADER = "SIRET;Raison sociale;Code postal;Commune;Prénom;Nom;E-mail";

    @Autowired
    ImportCommand command;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    private final List<String> imported = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void removeImported() {
        for (String siret : imported) {
            jdbc.sql("delete from contact where company_id in (select id from company where siret = :s)").param("s", siret).update();
            jdbc.sql("delete from pipeline_move where company_id in (select id from company where siret = :s)").param("s", siret).update();
            jdbc.sql("delete from company where siret = :s").param("s", siret).update();
        }
    }

    @Test
    void aDryRunPrintsTheCountsAndEveryRejectedRowWritesNothingAndExitsWithOne() throws Exception {
        String fresh = siret();
        String badChecksum = fresh.substring(0, 13) + ((fresh.charAt(13) - '0' + 1) % 10);
        Path file = file("membres.csv", StandardCharsets.UTF_8, true, HEADER,
                fresh + ";Menuiserie du Lac;21000;Dijon;Anne;Martin;anne@lac.example",
                "123;Trop Court;21000;Dijon;;;",
                badChecksum + ";Clé Fausse;21000;Dijon;Jean;Dupont;jean@");

        int code = run("import", "companies", file.toString(), "--dry-run");

        assertThat(code).isEqualTo(ImportCommand.REJECTED);
        assertThat(out()).contains(
                "Fichier : " + file,
                "Codage : UTF-8 avec BOM (détecté) · séparateur : « ; » (détecté)",
                "Correspondance des colonnes : devinée d’après les en-têtes",
                "Compte : admin (Administration)",
                "Simulation : tout est vérifié, rien ne sera écrit.",
                "Lignes lues : 3\nÀ créer : 1\nÀ mettre à jour : 0\nInchangées : 0\nRejetées : 2\n",
                "ligne 3 – colonne « SIRET » : Un SIRET compte 14 chiffres (les espaces sont acceptés).",
                "ligne 4 – colonne « SIRET » : Ce SIRET n’est pas valide : la clé de contrôle ne correspond pas.",
                "ligne 4 – colonne « E-mail » : ",
                "Simulation : rien n’a été écrit.");
        Path rejected = folder.resolve("membres.rejets.csv");
        assertThat(out()).contains("Lignes rejetées, avec leur motif, à corriger puis réimporter : " + rejected);
        assertThat(Files.readString(rejected)).contains("Motif du rejet", "Trop Court", "Clé Fausse").doesNotContain("Menuiserie");
        assertThat(err()).contains("Lecture et vérification des lignes…", "Contrôles dans la base").doesNotContain("Écriture");
        assertThat(companyExists(fresh)).as("a dry run writes nothing").isFalse();

        run("import", "companies", file.toString(), "--dry-run");
        assertThat(out()).as("an earlier rejected-rows file is kept").contains(folder.resolve("membres-2.rejets.csv").toString());
    }

    @Test
    void anImportWritesTheCompaniesAsTheAccountAndExitsWithZero() throws Exception {
        String first = siret();
        String second = siret();
        Path file = file("cci.csv", StandardCharsets.UTF_8, false, HEADER,
                first + ";Charpentes du Val;21000;Dijon;Anne;Martin;anne@val.example",
                second + ";Logistique de Bourgogne;21000;Dijon;;;");

        int code = run("import", "companies", file.toString());

        assertThat(code).as(err()).isEqualTo(ImportCommand.OK);
        assertThat(out()).contains("Codage : UTF-8 (détecté)", "Mode : les lignes valides sont écrites, les autres rejetées.",
                "Lignes lues : 2\nCréées : 2\nMises à jour : 0\nInchangées : 0\nRejetées : 0\n", "Import enregistré (n° ")
                .doesNotContain("ligne ", "rejets");
        assertThat(err()).contains("Écriture des entreprises, des contacts et de l’historique…", "Terminé en ");
        assertThat(jdbc.sql("select legal_name || ' / ' || source || ' / ' || disp_code from company where siret = :s")
                .param("s", first).query(String.class).single()).isEqualTo("Charpentes du Val / IMPORT / DISP DIJON");
        assertThat(jdbc.sql("select count(*) from contact k join company c on c.id = k.company_id where c.siret in (:s)")
                .param("s", List.of(first, second)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select imported_by || ' ' || file_name || ' ' || created from company_import order by id desc limit 1")
                .query(String.class).single()).isEqualTo("admin cci.csv 2");

        int again = run("import", "companies", file.toString());
        assertThat(again).as("nothing to write the second time").isEqualTo(ImportCommand.REJECTED);
        assertThat(out()).contains("Inchangées : 2", "Rien n’a été écrit : aucune ligne ne crée ni ne modifie");
    }

    @Test
    void aReferentImportsOnlyTheCompaniesOfTheirDispAndAllOrNothingThenWritesNothing() throws Exception {
        String dijon = siret();
        String paris = siret();
        Path file = file("mixte.csv", StandardCharsets.UTF_8, false, HEADER,
                dijon + ";Boulangerie de Dijon;21000;Dijon;;;",
                paris + ";Boulangerie de Paris;75011;Paris;;;");

        int code = run("import", "companies", file.toString(), "--user", "referent", "--all-or-nothing");

        assertThat(code).isEqualTo(ImportCommand.REJECTED);
        assertThat(out()).contains("Compte : referent (Référent (R2IP))", "Mode : tout ou rien",
                "ligne 3 : Cette entreprise relève de la DISP PARIS",
                "Rien n’a été écrit : des lignes sont rejetées et l’import est en tout ou rien.");
        assertThat(companyExists(dijon)).isFalse();
    }

    @Test
    void theEncodingAndDelimiterCanBeGivenAndAreDetectedOtherwise() throws Exception {
        String siret = siret();
        Charset latin = Charset.forName("windows-1252");
        Path file = file("latin.csv", latin, false, HEADER.replace(';', '\t'),
                siret + "\tPlâtrerie Générale\t21000\tDijon\tHélène\tLefèvre\thelene@platre.example");

        assertThat(run("import", "companies", file.toString(), "--dry-run")).as(err()).isEqualTo(ImportCommand.OK);
        assertThat(out()).contains("Codage : windows-1252 (détecté) · séparateur : tabulation (détecté)", "À créer : 1");

        assertThat(run("import", "companies", file.toString(), "--dry-run", "--encoding", "ISO-8859-1", "--delimiter", "tab"))
                .isEqualTo(ImportCommand.OK);
        assertThat(out()).contains("Codage : ISO-8859-1 (imposé) · séparateur : tabulation (imposé)", "À créer : 1");

        assertThat(run("import", "companies", file.toString(), "--dry-run", "--encoding", "UTF-8")).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Ligne 1 : des caractères sont illisibles dans ce codage.");

        Path asciiHeader = file("latin-corps.csv", latin, false, "SIRET;Raison sociale;Code postal;Commune",
                siret + ";Plâtrerie Générale;21000;Dijon");
        assertThat(run("import", "companies", asciiHeader.toString(), "--encoding", "UTF-8")).as("met while reading the rows")
                .isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Ligne 2 : des caractères sont illisibles dans ce codage.");
        assertThat(companyExists(siret)).isFalse();
    }

    @Test
    void mistakesInTheCommandTheFileOrTheAccountExitWithTwoAndAFrenchMessage() throws Exception {
        Path file = file("ok.csv", StandardCharsets.UTF_8, false, HEADER, siret() + ";Menuiserie;21000;Dijon;;;");

        assertThat(run("import", "companies", file.toString(), "--frobnicate")).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Option inconnue : --frobnicate. L’aide : import --help");

        assertThat(run("import", "companies", folder.resolve("absent.csv").toString())).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Fichier introuvable : " + folder.resolve("absent.csv"));

        assertThat(run("import", "companies")).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Indiquez le fichier CSV à importer");

        assertThat(run("import", "companies", file.toString(), "--user", "communication")).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Le compte « communication » n’est ni administrateur ni référent");

        assertThat(run("import", "companies", file.toString(), "--user", "personne")).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Aucun compte ne s’appelle « personne »");

        assertThat(run("import", "companies", file.toString(), "--mapping", "Inconnue")).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Aucune correspondance enregistrée ne s’appelle « Inconnue ».");

        Path noSiret = file("sans-siret.csv", StandardCharsets.UTF_8, false, "Raison sociale;Commune", "Menuiserie;Dijon");
        assertThat(run("import", "companies", noSiret.toString())).isEqualTo(ImportCommand.USAGE);
        assertThat(err()).contains("Aucune colonne n’est associée au SIRET");

        assertThat(run("import", "--help")).isEqualTo(ImportCommand.OK);
        assertThat(out()).startsWith("Usage : java -jar passerelle.jar import companies FICHIER [options]")
                .contains("  --all-or-nothing", "par défaut, les lignes valides sont écrites", "(par défaut : admin)", "Codes de sortie");
        assertThat(jdbc.sql("select count(*) from company_import where file_name in ('ok.csv', 'sans-siret.csv')").query(Long.class).single())
                .isZero();
    }

    @Test
    void aSpreadsheetIsRefusedWithTheSpreadsheetMessage() throws Exception {
        Path workbook = folder.resolve("membres.xlsx");
        // An .xlsx file is a ZIP archive.
        Files.write(workbook, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});

        assertThat(run("import", "companies", workbook.toString())).isEqualTo(ImportCommand.USAGE);

        assertThat(err()).contains("Ce fichier est un classeur (Excel ou LibreOffice), pas un fichier CSV.");
        assertThat(out()).isEmpty();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return command.run(args, outStream, errStream);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String siret() {
        String siret = LuhnSirets.next();
        imported.add(siret);
        return siret;
    }

    private boolean companyExists(String siret) {
        return jdbc.sql("select exists (select 1 from company where siret = :s)").param("s", siret).query(Boolean.class).single();
    }

    private Path file(String name, Charset charset, boolean bom, String... lines) throws Exception {
        Path file = folder.resolve(name);
        byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(charset);
        byte[] content = bom ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text) : text;
        Files.write(file, content);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

}

package fr.passerelle.companycsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.csv.CsvDialect;
import fr.passerelle.csv.CsvFiles;
import fr.passerelle.csv.CsvFormat;
import fr.passerelle.csv.CsvReader;
import fr.passerelle.csv.DetectedCsv;
import fr.passerelle.partner.CompanyBulkReader;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.ContactDraft;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.partner.internal.SiretGenerator;
import fr.passerelle.security.StaffDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

class CompanyExportServiceTest extends IntegrationTest {

    private static final Random RANDOM = new Random();

    @Autowired
    CompanyExportService exports;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temporary;

    @Test
    @WithUserDetails("admin")
    void theFilteredCompaniesAreExportedForFrenchExcelWithTheHeadersTheImportReads() throws Exception {
        String word = word();
        long referent = staff.referents().stream().filter(r -> r.displayName().equals("Référent démo (Dijon)")).findFirst()
                .orElseThrow().id();
        CompanyDetails full = companies.create(new CompanyDraft(SiretGenerator.siret(RANDOM.nextInt(90_000_000), 1),
                "Bâtiments Durand " + word, "Durand; Fils", "4221z", WorkforceBracket.FROM_20, "12, rue de l’Église", "21000",
                "Dijon", "21", "durand.example", Set.of(CompanyLabel.SOCIAL_ECONOMY, CompanyLabel.INCLUSIVE_COMPANY), referent),
                CompanySource.MANUAL);
        companies.moveStage(full.id(), PipelineStage.PARTNER, null);
        CompanyDetails bare = companies.create(new CompanyDraft(SiretGenerator.siret(RANDOM.nextInt(90_000_000), 2),
                "Atelier " + word, null, null, null, null, null, null, "75", null, Set.of(), null), CompanySource.MANUAL);
        companies.create(new CompanyDraft(SiretGenerator.siret(RANDOM.nextInt(90_000_000), 3), "Autre " + word(), null, null,
                null, null, null, null, "75", null, Set.of(), null), CompanySource.MANUAL);
        // An organisation without a SIRET (decision record 015): an empty SIRET, and its kind in the last column.
        companies.create(new CompanyDraft("", "Fédération " + word, null, null, null, null, null, "Dijon", "21", null, Set.of(),
                null, PartnerKind.FEDERATION), CompanySource.MANUAL);
        String today = DisplayFormats.DATE.format(DisplayFormats.today());

        Path file = export(out -> exports.exportCompanies(CompanyFilter.none().withSearch(word), Sort.by("name"), CsvFormat.EXCEL_FR, out));

        assertThat(Files.readAllBytes(file)).startsWith(0xEF, 0xBB, 0xBF);
        DetectedCsv detected = CsvFiles.detect(file);
        assertThat(detected.dialect()).isEqualTo(new CsvDialect(StandardCharsets.UTF_8, ';'));
        assertThat(detected.header()).containsExactly("SIRET", "Raison sociale", "Enseigne", "Code NAF", "Tranche d’effectif",
                "Adresse", "Code postal", "Commune", "Département", "Site web", "Labels", "Étape", "Référent", "Mis à jour le", "Type");
        assertThat(read(file, detected)).containsExactly(
                List.of(bare.siret(), "Atelier " + word, "", "", "", "", "", "", "75", "", "", "PROSPECT", "", today, "COMPANY"),
                List.of(full.siret(), "Bâtiments Durand " + word, "Durand; Fils", "42.21Z", "12", "12, rue de l’Église", "21000",
                        "Dijon", "21", "https://durand.example", "INCLUSIVE_COMPANY|SOCIAL_ECONOMY", "PARTNER",
                        "Référent démo (Dijon)", today, "COMPANY"),
                List.of("", "Fédération " + word, "", "", "", "", "", "Dijon", "21", "", "", "PROSPECT", "", today, "FEDERATION"));

        Path descending = export(out -> exports.exportCompanies(CompanyFilter.none().withSearch(word),
                Sort.by(Sort.Order.desc("name")), CsvFormat.EXCEL_FR, out));
        assertThat(read(descending, detected)).extracting(row -> row.get(1))
                .containsExactly("Fédération " + word, "Bâtiments Durand " + word, "Atelier " + word);
    }

    @Test
    @WithUserDetails("admin")
    void rfc4180HasCommasIsoDatesAndNoBom() throws Exception {
        String word = word();
        CompanyDetails company = companies.create(new CompanyDraft(SiretGenerator.siret(RANDOM.nextInt(90_000_000), 4),
                "Transports Martin, Lyon " + word, null, null, null, null, null, null, "69", null, Set.of(), null), CompanySource.MANUAL);

        Path file = export(out -> exports.exportCompanies(CompanyFilter.none().withSearch(word), Sort.unsorted(), CsvFormat.RFC_4180, out));

        assertThat(Files.readString(file)).startsWith("SIRET,Raison sociale,Enseigne,");
        DetectedCsv detected = CsvFiles.detect(file);
        assertThat(detected.bom()).isFalse();
        assertThat(detected.dialect().delimiter()).isEqualTo(',');
        assertThat(read(file, detected)).singleElement().satisfies(row -> {
            assertThat(row.getFirst()).isEqualTo(company.siret());
            assertThat(row.get(1)).isEqualTo("Transports Martin, Lyon " + word);
            assertThat(row.get(13)).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE.format(DisplayFormats.today()));
            assertThat(row.getLast()).isEqualTo("COMPANY");
        });
    }

    @Test
    @WithUserDetails("admin")
    void namesASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
        String word = word();
        companies.create(new CompanyDraft(SiretGenerator.siret(RANDOM.nextInt(90_000_000), 5),
                "=HYPERLINK(\"http://evil.example\";\"" + word + "\")", "+cmd", null, null, "-1 rue du Calcul", null, "@Paris",
                "75", null, Set.of(), null), CompanySource.MANUAL);

        Path file = export(out -> exports.exportCompanies(CompanyFilter.none().withSearch(word), Sort.unsorted(), CsvFormat.EXCEL_FR, out));

        assertThat(read(file, CsvFiles.detect(file))).singleElement().satisfies(row -> {
            assertThat(row.get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\";\"" + word + "\")");
            assertThat(row.get(2)).isEqualTo("'+cmd");
            assertThat(row.get(5)).isEqualTo("'-1 rue du Calcul");
            assertThat(row.get(7)).isEqualTo("'@Paris");
        });
    }

    @Test
    @WithUserDetails("admin")
    void contactsOfTheFilteredCompaniesComePrimaryFirst() throws Exception {
        String word = word();
        CompanyDetails company = companies.create(new CompanyDraft(SiretGenerator.siret(RANDOM.nextInt(90_000_000), 6),
                "Menuiserie " + word, null, null, null, null, null, null, "21", null, Set.of(), null), CompanySource.MANUAL);
        contacts.add(company.id(), new ContactDraft("Zoé", "Abel", "Assistante", null, null, false, EmailStatus.ACTIVE));
        contacts.add(company.id(), new ContactDraft("Jean-Luc", "Moreau", "Gérant", "JL.Moreau@Example.fr", "06 12 34 56 78", true,
                EmailStatus.UNSUBSCRIBED));
        companies.create(new CompanyDraft(SiretGenerator.siret(RANDOM.nextInt(90_000_000), 7), "Sans contact " + word, null, null,
                null, null, null, null, "21", null, Set.of(), null), CompanySource.MANUAL);

        Path file = export(out -> exports.exportContacts(CompanyFilter.none().withSearch(word), CsvFormat.EXCEL_FR, out));

        DetectedCsv detected = CsvFiles.detect(file);
        assertThat(detected.header()).containsExactly("SIRET", "Raison sociale", "Prénom", "Nom", "Fonction", "E-mail",
                "Téléphone", "Contact principal", "Statut e-mail");
        assertThat(read(file, detected)).containsExactly(
                List.of(company.siret(), "Menuiserie " + word, "Jean-Luc", "Moreau", "Gérant", "jl.moreau@example.fr",
                        "'+33612345678", "oui", "UNSUBSCRIBED"),
                List.of(company.siret(), "Menuiserie " + word, "Zoé", "Abel", "Assistante", "", "", "non", "ACTIVE"));
    }

    @Test
    @WithUserDetails("communication")
    void theCommunicationTeamExportsCompaniesAndContactsAndAnEmptyListGivesTheHeader() throws Exception {
        var nothing = CompanyFilter.none().withSearch("zz-aucune-" + word());

        Path companiesFile = export(out -> exports.exportCompanies(nothing, Sort.unsorted(), CsvFormat.EXCEL_FR, out));
        Path contactsFile = export(out -> exports.exportContacts(nothing, CsvFormat.RFC_4180, out));

        assertThat(CsvFiles.detect(companiesFile).header()).isEqualTo(CompanyExportService.COMPANY_HEADERS);
        assertThat(read(companiesFile, CsvFiles.detect(companiesFile))).isEmpty();
        assertThat(Files.readString(contactsFile)).isEqualTo(String.join(",", CompanyExportService.CONTACT_HEADERS) + "\r\n");
    }

    @Test
    void nobodySignedInExportsNothing() {
        assertThatThrownBy(() -> exports.exportCompanies(CompanyFilter.none(), Sort.unsorted(), CsvFormat.EXCEL_FR,
                new ByteArrayOutputStream())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @Transactional
    @WithUserDetails("referent")
    void rowsComeFromACursorSoThatAMillionCompaniesNeedNoMoreMemoryThanAThousand() throws Exception {
        String word = word();
        int count = CompanyBulkReader.FETCH_SIZE * 3;
        String[] sirets = IntStream.range(0, count).mapToObj(i -> SiretGenerator.siret(93_000_000 + i, 1)).toArray(String[]::new);
        String[] names = IntStream.range(0, count).mapToObj(i -> "Quorvex " + word + " " + i).toArray(String[]::new);
        jdbc.sql("""
                        insert into company (siret, legal_name, department_code)
                        select siret, name, '21' from unnest(cast(:sirets as text[]), cast(:names as text[])) as t (siret, name)
                        """).param("sirets", sirets).param("names", names).update();
        var openCursorsAtFirstWrite = new AtomicLong(-1);
        var rows = new AtomicLong();
        OutputStream watching = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                if (openCursorsAtFirstWrite.get() < 0) {
                    // The same connection, in the same transaction: the export's query is still an open cursor (a
                    // query read at once would have been replaced by this one).
                    openCursorsAtFirstWrite.set(jdbc.sql("select count(*) from pg_cursors where statement like :export")
                            .param("export", "%left join app_user u on u.id = c.owner_id%").query(Long.class).single());
                }
                for (int i = offset; i < offset + length; i++) {
                    if (bytes[i] == '\n') {
                        rows.incrementAndGet();
                    }
                }
            }
        };

        exports.exportCompanies(CompanyFilter.none().withSearch(word), Sort.by("name"), CsvFormat.EXCEL_FR, watching);

        assertThat(rows.get()).isEqualTo(count + 1);
        assertThat(openCursorsAtFirstWrite.get()).as("cursors open while the first rows are written").isPositive();
    }

    private Path export(Export export) throws IOException {
        Path file = Files.createTempFile(temporary, "export", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.to(out);
        }
        return file;
    }

    private static List<List<String>> read(Path file, DetectedCsv detected) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = CsvFiles.open(file, detected.dialect())) {
            reader.forEach(record -> rows.add(record.values()));
        }
        return rows;
    }

    /** A word no other company contains. */
    private static String word() {
        return "Qx" + Long.toString(RANDOM.nextLong(1L << 40), 36);
    }

    @FunctionalInterface
    private interface Export {
        void to(OutputStream out) throws IOException;
    }
}

package fr.passerelle.companycsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.csv.CsvFiles;
import fr.passerelle.csv.CsvRecord;
import fr.passerelle.csv.DetectedCsv;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyHistoryService;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.ContactDraft;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.LuhnSirets;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.TimelineEntry;
import fr.passerelle.partner.WorkforceBracket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** CSV import on the embedded PostgreSQL: dry run, both modes, upsert, contacts, scope, audit, cancellation. */
class CompanyImportServiceTest extends IntegrationTest {

    private static final String HEADER = "SIRET;Raison sociale;Enseigne;Code NAF;Code postal;Commune;Prénom;Nom;Fonction;E-mail;Téléphone";

    @Autowired
    CompanyImportService imports;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    CompanyHistoryService history;
    @Autowired
    CompanyExportService exports;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeImported() {
        // The tests share one database; the companies they import go away with their traces.
        for (String siret : created) {
            jdbc.sql("delete from contact where company_id in (select id from company where siret = :s)").param("s", siret).update();
            jdbc.sql("delete from pipeline_move where company_id in (select id from company where siret = :s)").param("s", siret).update();
            jdbc.sql("delete from company where siret = :s").param("s", siret).update();
        }
    }

    @Test
    @WithUserDetails("admin")
    void aDryRunCountsAndExplainsEveryRejectedRowAndWritesNothing() throws Exception {
        String existing = companies.create(LuhnSirets.company("Menuiserie Existante", "21"), CompanySource.MANUAL).siret();
        created.add(existing);
        String fresh = siret();
        String badChecksum = fresh.substring(0, 13) + ((fresh.charAt(13) - '0' + 1) % 10);
        String twice = siret();
        Path file = file(HEADER,
                fresh + ";Nouvelle Entreprise;;41.20A;21000;Dijon;Anne;Martin;DRH;anne@nouvelle.example;06 12 34 56 78",
                existing + ";;;43.32A;;;;;;;",
                badChecksum + ";Clé Fausse;;;21000;Dijon;;;;;",
                siret() + ";NAF Inconnu;;99.99Z;21000;Dijon;;;;;",
                siret() + ";Mail Cassé;;;21000;Dijon;Jean;Dupont;;jean@;",
                siret() + ";Sans Nom De Contact;;;21000;Dijon;;;;paul@exemple.example;",
                twice + ";Premier;;;21000;Dijon;;;;;",
                twice + ";Second;;;21000;Dijon;;;;;",
                siret() + ";;;;21000;Dijon;;;;;",
                existing + "0;Trop Long;;;21000;Dijon;;;;;");
        long before = count("company");

        ImportReport report = imports.run(request(file, ImportMode.ALL_OR_NOTHING, true), ImportProgress.NONE);

        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isZero();
        assertThat(report.rejected()).isEqualTo(7);
        assertThat(report.written()).isFalse();
        assertThat(report.errors()).extracting(ImportRowError::line, ImportRowError::column, ImportRowError::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(4L, "SIRET", "partner.error.siret-checksum"),
                        org.assertj.core.groups.Tuple.tuple(5L, "Code NAF", "partner.error.naf-unknown"),
                        org.assertj.core.groups.Tuple.tuple(6L, "E-mail", "partner.error.email-format"),
                        org.assertj.core.groups.Tuple.tuple(7L, "Nom", "import.error.contact-last-name-required"),
                        org.assertj.core.groups.Tuple.tuple(9L, null, "import.error.siret-twice"),
                        org.assertj.core.groups.Tuple.tuple(10L, null, "import.error.legal-name-required-new"),
                        org.assertj.core.groups.Tuple.tuple(11L, "SIRET", "partner.error.siret-format"));
        assertThat(imports.message(report.errors().stream().filter(e -> e.line() == 9).findFirst().orElseThrow()))
                .isEqualTo("Ce SIRET figure déjà ligne 8 du fichier.");
        assertThat(count("company")).as("a dry run writes nothing").isEqualTo(before);

        DetectedCsv rejected = CsvFiles.detect(report.rejectedRows());
        assertThat(rejected.header()).endsWith("Ligne", "Motif du rejet");
        List<CsvRecord> rows = new ArrayList<>();
        try (var reader = CsvFiles.open(report.rejectedRows(), rejected.dialect())) {
            reader.forEach(rows::add);
        }
        assertThat(rows).hasSize(7);
        assertThat(rows.getFirst().values().getFirst()).isEqualTo(badChecksum);
        assertThat(rows.getFirst().values().getLast()).startsWith("SIRET : Ce SIRET n’est pas valide");
    }

    @Test
    @WithUserDetails("admin")
    void allOrNothingWritesNothingWhenARowIsRejectedAndValidRowsOnlyWritesTheRest() throws Exception {
        String good = siret();
        Path file = file(HEADER, good + ";Charpentes du Val;;;21000;Dijon;;;;;", "123;Mauvais;;;21000;Dijon;;;;;");

        ImportReport allOrNothing = imports.run(request(file, ImportMode.ALL_OR_NOTHING, false), ImportProgress.NONE);
        assertThat(allOrNothing.written()).isFalse();
        assertThat(allOrNothing.importId()).isNull();
        assertThat(companyId(good)).isNull();

        ImportReport validOnly = imports.run(request(file, ImportMode.VALID_ROWS_ONLY, false), ImportProgress.NONE);
        assertThat(validOnly.written()).isTrue();
        assertThat(validOnly.created()).isEqualTo(1);
        assertThat(validOnly.rejected()).isEqualTo(1);
        Long id = companyId(good);
        assertThat(id).isNotNull();
        CompanyDetails company = companies.require(id);
        assertThat(company.legalName()).isEqualTo("Charpentes du Val");
        assertThat(company.dispCode()).isEqualTo("DISP DIJON");
        assertThat(company.source()).isEqualTo(CompanySource.IMPORT);
        assertThat(companies.pipelineHistory(id)).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo(PipelineStage.PROSPECT));
        assertThat(imports.recent(5)).first().satisfies(r -> {
            assertThat(r.id()).isEqualTo(validOnly.importId());
            assertThat(r.importedBy()).isEqualTo("admin");
            assertThat(r.fileName()).isEqualTo("membres.csv");
            assertThat(r.created()).isEqualTo(1);
            assertThat(r.rejected()).isEqualTo(1);
        });
        assertThat(history.history(id)).as("audited like a manual creation").singleElement().satisfies(h -> {
            assertThat(h.author()).isEqualTo("admin");
            assertThat(h.change()).isEqualTo(TimelineEntry.Change.CREATED);
        });
    }

    @Test
    @WithUserDetails("admin")
    void anUpdateChangesOnlyTheFieldsTheFileFillsAndMatchesContactsByEmail() throws Exception {
        String siret = siret();
        long id = companies.create(new CompanyDraft(siret, "Boulangerie Morel", "Le Fournil", "10.71C", null, "2 rue Haute", "21000",
                "Dijon", "21", null, java.util.Set.of(), null), CompanySource.MANUAL).id();
        contacts.add(id, new ContactDraft("Léa", "Morel", "Gérante", "lea@morel.example", null, true, EmailStatus.ACTIVE));
        Path file = file(HEADER,
                siret + ";;;;;;;Morel;Présidente;LEA@morel.example;06 11 22 33 44");

        ImportReport report = imports.run(request(file, ImportMode.ALL_OR_NOTHING, false), ImportProgress.NONE);

        assertThat(report.updated()).isEqualTo(1);
        CompanyDetails after = companies.require(id);
        assertThat(after.legalName()).isEqualTo("Boulangerie Morel");
        assertThat(after.tradeName()).isEqualTo("Le Fournil");
        assertThat(after.street()).isEqualTo("2 rue Haute");
        assertThat(contacts.ofCompany(id)).singleElement().satisfies(c -> {
            assertThat(c.firstName()).isEqualTo("Léa");
            assertThat(c.jobTitle()).isEqualTo("Présidente");
            assertThat(c.phone()).isEqualTo("+33611223344");
            assertThat(c.primary()).isTrue();
        });

        Path again = file(HEADER, siret + ";Boulangerie Morel;;;;;;Morel;;lea@morel.example;",
                siret() + ";Pâtisserie Neuve;;;21000;Dijon;;;;;");
        ImportReport second = imports.run(request(again, ImportMode.ALL_OR_NOTHING, true), ImportProgress.NONE);
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(second.created()).isEqualTo(1);
    }

    @Test
    @WithUserDetails("referent")
    void aReferentImportsOnlyCompaniesOfTheirDisp() throws Exception {
        String dijon = siret();
        String paris = siret();
        Path file = file(HEADER, dijon + ";Atelier Bourguignon;;;21000;Dijon;;;;;", paris + ";Atelier Parisien;;;75011;Paris;;;;;");

        ImportReport report = imports.run(request(file, ImportMode.VALID_ROWS_ONLY, false), ImportProgress.NONE);

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.messageKey()).isEqualTo("import.error.other-disp");
            assertThat(e.arguments()).containsExactly("DISP PARIS");
        });
        assertThat(companyId(paris)).isNull();
        Long id = companyId(dijon);
        assertThat(id).isNotNull();
        assertThat(companies.require(id).ownerName()).isEqualTo("Référent démo (Dijon)");
    }

    @Test
    @WithUserDetails("admin")
    void anImportCancelledWhileWritingLeavesTheDatabaseAsItWas() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < 50; i++) {
            lines.add(siret() + ";Interrompue " + i + ";;;21000;Dijon;Jean;Interrompu;;jean" + i + "@interrompue.example;");
        }
        Path file = file(lines.toArray(String[]::new));
        long companiesBefore = count("company");
        long contactsBefore = count("contact");
        long revisionsBefore = count("audit_revision");
        var cancel = new AtomicBoolean();
        ImportProgress cancelMidWrite = new ImportProgress() {
            @Override
            public void update(Phase phase, long done, long total) {
                if (phase == Phase.WRITING && done >= 3) {
                    cancel.set(true);
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get();
            }
        };

        assertThatThrownBy(() -> imports.run(request(file, ImportMode.ALL_OR_NOTHING, false), cancelMidWrite))
                .isInstanceOf(CompanyImportService.ImportCancelledException.class);

        assertThat(count("company")).isEqualTo(companiesBefore);
        assertThat(count("contact")).isEqualTo(contactsBefore);
        assertThat(count("audit_revision")).isEqualTo(revisionsBefore);
        assertThat(count("company_import where file_name = 'membres.csv' and rows_read = 50")).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void aSavedMappingIsReusedForTheNextFileOfTheSameSource() throws Exception {
        List<String> header = List.of("Numéro d’établissement", "Nom adhérent", "CP", "Ville");
        ImportMapping guessed = ImportMapping.guess(header);
        assertThat(guessed.columns()).containsExactly(null, null, ImportField.POSTCODE, ImportField.COMMUNE);
        ImportMapping corrected = guessed.with(0, ImportField.SIRET).with(1, ImportField.LEGAL_NAME);
        imports.saveMapping("Fédération BTP 21", header, corrected);

        Map<String, ImportField> saved = imports.mapping("fédération btp 21");
        ImportMapping next = ImportMapping.saved(List.of("Ville", "nom ADHERENT", "Numero d'etablissement", "Code postal"), saved);

        assertThat(next.columns()).containsExactly(ImportField.COMMUNE, ImportField.LEGAL_NAME, ImportField.SIRET, ImportField.POSTCODE);
        assertThat(imports.mappingNames()).contains("Fédération BTP 21");
        assertThatThrownBy(() -> imports.mapping("Inconnue")).isInstanceOfSatisfying(PartnerException.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.error.mapping-unknown"));
    }

    @Test
    @WithUserDetails("admin")
    void whatTheExportWritesTheImportReadsBackTheSame() throws Exception {
        String tag = "Zorvalque";
        CompanyDetails first = companies.create(new CompanyDraft(siret(), "=HYPERLINK(\"http://x.example\") " + tag, "+Atelier " + tag,
                "16.23Z", WorkforceBracket.FROM_20, "12 rue des Tanneurs", "01000", "Bourg-en-Bresse", "01", "www.zorvalque.example",
                java.util.Set.of(CompanyLabel.PRODUIT_EN_PRISON, CompanyLabel.SOCIAL_ECONOMY), null), CompanySource.MANUAL);
        contacts.add(first.id(), new ContactDraft("Inès", "-Lefèvre", "@Directrice", "ines@zorvalque.example", "06 98 76 54 32", true,
                EmailStatus.ACTIVE));
        CompanyDetails second = companies.create(LuhnSirets.company("Scierie " + tag, "21"), CompanySource.MANUAL);
        created.add(second.siret());
        CompanyFilter filter = CompanyFilter.none().withSearch(tag.toLowerCase(java.util.Locale.ROOT));
        Path companiesFile = folder.resolve("entreprises.csv");
        Path contactsFile = folder.resolve("contacts.csv");
        for (var format : fr.passerelle.csv.CsvFormat.values()) {
            try (var out = Files.newOutputStream(companiesFile)) {
                exports.exportCompanies(filter, org.springframework.data.domain.Sort.by("name"), format, out);
            }
            try (var out = Files.newOutputStream(contactsFile)) {
                exports.exportContacts(filter, format, out);
            }
            assertThat(Files.readString(companiesFile)).as("formulas neutralised").contains("'=HYPERLINK").contains("'+Atelier")
                    .doesNotContain(";=HYPERLINK").doesNotContain(",=HYPERLINK");
            for (CompanyDetails company : List.of(first, second)) {
                jdbc.sql("delete from contact where company_id = :id").param("id", company.id()).update();
                jdbc.sql("delete from pipeline_move where company_id = :id").param("id", company.id()).update();
                jdbc.sql("delete from company where id = :id").param("id", company.id()).update();
            }

            ImportReport companiesBack = imports.run(request(companiesFile, ImportMode.ALL_OR_NOTHING, false), ImportProgress.NONE);
            ImportReport contactsBack = imports.run(request(contactsFile, ImportMode.ALL_OR_NOTHING, false), ImportProgress.NONE);

            assertThat(companiesBack.errors()).as(format.name()).isEmpty();
            assertThat(companiesBack.created()).isEqualTo(2);
            assertThat(contactsBack.updated()).as("the contact comes back to its company").isEqualTo(1);
            CompanyDetails firstBack = companies.require(companyId(first.siret()));
            assertThat(firstBack).usingRecursiveComparison()
                    .comparingOnlyFields("siret", "legalName", "tradeName", "nafCode", "workforceBracket", "street", "postcode", "commune",
                            "departmentCode", "dispCode", "website", "labels")
                    .isEqualTo(first);
            assertThat(companies.require(companyId(second.siret())).legalName()).isEqualTo(second.legalName());
            assertThat(contacts.ofCompany(firstBack.id())).singleElement().satisfies(c -> {
                assertThat(c.fullName()).isEqualTo("Inès -Lefèvre");
                assertThat(c.jobTitle()).isEqualTo("@Directrice");
                assertThat(c.email()).isEqualTo("ines@zorvalque.example");
                assertThat(c.phone()).isEqualTo("+33698765432");
                assertThat(c.primary()).isTrue();
            });
            first = firstBack;
            second = companies.require(companyId(second.siret()));
        }
    }

    @Test
    @WithUserDetails("admin")
    void aFileThatCannotBeReadHalfwayIsReportedWithItsLineAndWritesNothing() throws Exception {
        String siret = siret();
        Path file = folder.resolve("casse.csv");
        byte[] head = (HEADER + "\r\n" + siret + ";Première Ligne;;;21000;Dijon;;;;;\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] broken = (siret() + ";Deuxi").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "me Ligne;;;21000;Dijon;;;;;\r\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            out.write(head);
            out.write(broken);
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // not UTF-8
            out.write(tail);
        }
        var request = new ImportRequest(file, "casse.csv", new fr.passerelle.csv.CsvDialect(StandardCharsets.UTF_8, ';'),
                ImportMapping.guess(CsvFiles.detect(file).header()), ImportMode.VALID_ROWS_ONLY, false);

        assertThatThrownBy(() -> imports.run(request, ImportProgress.NONE))
                .isInstanceOfSatisfying(fr.passerelle.csv.CsvException.class, e -> {
                    assertThat(e.key()).isEqualTo("csv.error.encoding");
                    assertThat(e.arguments()).containsExactly(3L);
                });
        assertThat(companyId(siret)).isNull();
    }

    private ImportRequest request(Path file, ImportMode mode, boolean dryRun) throws Exception {
        DetectedCsv detected = CsvFiles.detect(file);
        return new ImportRequest(file, "membres.csv", detected.dialect(), ImportMapping.guess(detected.header()), mode, dryRun);
    }

    private Path file(String... lines) throws Exception {
        Path file = Files.createTempFile(folder, "import", ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private String siret() {
        String siret = LuhnSirets.next();
        created.add(siret);
        return siret;
    }

    private @org.jspecify.annotations.Nullable Long companyId(String siret) {
        return jdbc.sql("select id from company where siret = :s").param("s", siret).query(Long.class).optional().orElse(null);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}

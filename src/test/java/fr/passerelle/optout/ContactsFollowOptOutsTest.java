package fr.passerelle.optout;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.companycsv.CompanyImportService;
import fr.passerelle.companycsv.ImportMapping;
import fr.passerelle.companycsv.ImportMode;
import fr.passerelle.companycsv.ImportProgress;
import fr.passerelle.companycsv.ImportReport;
import fr.passerelle.companycsv.ImportRequest;
import fr.passerelle.csv.CsvFiles;
import fr.passerelle.csv.DetectedCsv;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.ContactDraft;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.LuhnSirets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** Partner contacts follow the opt-out list: when an address is blocked, and whenever one is written later. */
class ContactsFollowOptOutsTest extends IntegrationTest {

    @Autowired
    OptOuts optOuts;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    CompanyImportService imports;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    @Test
    @WithUserDetails("admin")
    void blockingAnAddressBlocksEveryContactWithItInAnyCaseAndRecordsItInTheirHistory() {
        String address = OptOutsTest.uniqueAddress();
        ContactSummary first = contact("Boulangerie Dupain", address.toUpperCase());
        ContactSummary second = contact("Menuiserie Duchêne", address);
        ContactSummary bystander = contact("Garage Durand", OptOutsTest.uniqueAddress());

        optOuts.hardBounce(address, "campaign:3", "5.1.1");

        assertThat(status(first.id())).isEqualTo(EmailStatus.BOUNCED);
        assertThat(status(second.id())).isEqualTo(EmailStatus.BOUNCED);
        assertThat(status(bystander.id())).isEqualTo(EmailStatus.ACTIVE);
        assertThat(jdbc.sql("""
                        select a.email_status || ' ' || r.username from contact_aud a join audit_revision r on r.id = a.rev
                        where a.id = :id order by a.rev desc limit 1""").param("id", first.id()).query(String.class).single())
                .isEqualTo("BOUNCED retours-courrier");
        assertThat(contacts.ofCompany(second.companyId()).getFirst().version()).as("the form sees the change").isGreaterThan(second.version());
    }

    @Test
    @WithUserDetails("admin")
    void aContactAddedOrChangedLaterOnTheStaffFormWithABlockedAddressTakesItsStatus() {
        String unsubscribed = OptOutsTest.uniqueAddress();
        String bounced = OptOutsTest.uniqueAddress();
        optOuts.unsubscribe(unsubscribed, "campaign:4");
        for (int i = 0; i < OptOuts.SOFT_BOUNCES_TO_BLOCK; i++) {
            optOuts.softBounce(bounced, "campaign:4", "4.2.2");
        }

        ContactSummary added = contact("Imprimerie Lettre", unsubscribed);
        assertThat(added.emailStatus()).as("what the service answers").isEqualTo(EmailStatus.UNSUBSCRIBED);
        assertThat(status(added.id())).isEqualTo(EmailStatus.UNSUBSCRIBED);
        assertThat(jdbc.sql("select email_status from contact_aud where id = :id order by rev desc limit 1")
                .param("id", added.id()).query(String.class).single()).as("the history too").isEqualTo("UNSUBSCRIBED");

        ContactSummary other = contact("Pressing Blanc", OptOutsTest.uniqueAddress());
        ContactSummary changed = contacts.update(other.id(), other.version(), new ContactDraft("Luc", "Blanc", null, bounced, null, true,
                EmailStatus.ACTIVE));
        assertThat(changed.emailStatus()).isEqualTo(EmailStatus.BOUNCED);

        // Setting it back to active on the form does not lift the opt-out.
        ContactSummary forced = contacts.update(changed.id(), changed.version(), new ContactDraft("Luc", "Blanc", null, bounced, null,
                true, EmailStatus.ACTIVE));
        assertThat(forced.emailStatus()).isEqualTo(EmailStatus.BOUNCED);
        assertThat(status(forced.id())).isEqualTo(EmailStatus.BOUNCED);
    }

    @Test
    @WithUserDetails("admin")
    void aCsvImportBringingBackABlockedAddressKeepsItBlockedForNewAndUpdatedContacts() throws Exception {
        String blocked = OptOutsTest.uniqueAddress();
        String complained = OptOutsTest.uniqueAddress();
        String free = OptOutsTest.uniqueAddress();
        ContactSummary existing = contact("Transports Rapides", complained);
        String existingSiret = companies.get(existing.companyId()).orElseThrow().siret();
        optOuts.unsubscribe(blocked, "campaign:5");
        optOuts.complaint(complained, "campaign:5", "abuse");
        String newSiret = LuhnSirets.next();
        String otherSiret = LuhnSirets.next();

        // The existing contact is matched by its address and updated (job title); two new companies bring new contacts.
        Path file = file("SIRET;Raison sociale;Code postal;Commune;Prénom;Nom;Fonction;E-mail",
                existingSiret + ";;;;Camille;Martin;Gérante;" + complained.toUpperCase(),
                newSiret + ";Nouvelle Fabrique;21000;Dijon;Anne;Roux;;" + blocked,
                otherSiret + ";Autre Fabrique;21000;Dijon;Jean;Noir;;" + free);
        DetectedCsv detected = CsvFiles.detect(file);
        ImportReport report = imports.run(new ImportRequest(file, "contacts.csv", detected.dialect(),
                ImportMapping.guess(detected.header()), ImportMode.ALL_OR_NOTHING, false), ImportProgress.NONE);

        assertThat(report.written()).isTrue();
        assertThat(report.rejected()).isZero();
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(statusOf(blocked)).as("a new contact with an unsubscribed address").isEqualTo(EmailStatus.UNSUBSCRIBED);
        assertThat(contacts.ofCompany(existing.companyId())).singleElement().satisfies(updated -> {
            assertThat(updated.jobTitle()).isEqualTo("Gérante");
            assertThat(updated.emailStatus()).isEqualTo(EmailStatus.UNSUBSCRIBED);
        });
        assertThat(statusOf(free)).isEqualTo(EmailStatus.ACTIVE);
        assertThat(jdbc.sql("select a.email_status from contact_aud a join contact k on k.id = a.id where k.email = :e order by a.rev desc limit 1")
                .param("e", blocked).query(String.class).single()).as("the import's history row").isEqualTo("UNSUBSCRIBED");
    }

    private ContactSummary contact(String companyName, String email) {
        long companyId = companies.create(LuhnSirets.company(companyName, "21"), CompanySource.MANUAL).id();
        return contacts.add(companyId, new ContactDraft("Camille", "Martin", null, email, null, true, EmailStatus.ACTIVE));
    }

    private EmailStatus status(long contactId) {
        return EmailStatus.valueOf(jdbc.sql("select email_status from contact where id = :id").param("id", contactId)
                .query(String.class).single());
    }

    private EmailStatus statusOf(String email) {
        return EmailStatus.valueOf(jdbc.sql("select email_status from contact where lower(email) = :e").param("e", email)
                .query(String.class).single());
    }

    private Path file(String... lines) throws Exception {
        Path file = Files.createTempFile(folder, "import", ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}

package fr.passerelle.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.passerelle.IntegrationTest;
import fr.passerelle.base.PublicAddress;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.PipelineStage;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class ModerationServiceTest extends IntegrationTest {

    @Autowired
    ModerationService moderation;
    @Autowired
    OfferIntakeService intake;
    @Autowired
    OfferService offers;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    PublicAddress publicAddress;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationEvents events;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(jdbc, users);
    }

    @Test
    void validatingCreatesThePortalCompanyOwnedByTheReferentAddsTheContactOpensTheOfferAndMailsTheCompany() throws Exception {
        Declaration declaration = OfferFixtures.declaration("Métallerie Nouvelle", "21", "jeanne@metallerie-nouvelle.fr");
        long id = intake.declare(declaration);
        fixtures.signIn("referent");
        long referentId = jdbc.sql("select id from app_user where username = 'referent'").query(Long.class).single();

        Validation validation = moderation.validate(id);

        assertThat(validation.companyCreated()).isTrue();
        assertThat(validation.contactCreated()).isTrue();
        var company = companies.require(validation.companyId());
        assertThat(company.siret()).isEqualTo(declaration.company().siret());
        assertThat(company.legalName()).isEqualTo("Métallerie Nouvelle");
        assertThat(company.source()).isEqualTo(CompanySource.PORTAL);
        assertThat(company.stage()).isEqualTo(PipelineStage.CONTACTED);
        assertThat(company.ownerId()).isEqualTo(referentId);
        assertThat(company.nafCode()).isEqualTo("25.11Z");
        assertThat(contacts.ofCompany(company.id())).singleElement().satisfies(contact -> {
            assertThat(contact.id()).isEqualTo(validation.contactId());
            assertThat(contact.email()).isEqualTo("jeanne@metallerie-nouvelle.fr");
            assertThat(contact.phone()).isEqualTo("+33612345678");
        });
        OfferDetails offer = offers.require(id);
        assertThat(offer.status()).isEqualTo(OfferStatus.OPEN);
        assertThat(offer.companyId()).isEqualTo(company.id());
        assertThat(offer.contactId()).isEqualTo(validation.contactId());
        assertThat(offers.statusHistory(id)).extracting(c -> c.from() + "→" + c.to() + " " + c.changedBy())
                .containsExactly("PENDING_VALIDATION→OPEN referent", "null→PENDING_VALIDATION portal:jeanne@metallerie-nouvelle.fr");
        assertThat(offers.offersOf(company.id())).extracting(OfferSummary::id).containsExactly(id);
        assertThat(events.stream(OfferValidated.class)).singleElement()
                .isEqualTo(new OfferValidated(id, company.id(), validation.contactId(), "jeanne@metallerie-nouvelle.fr"));
        assertThat(moderation.pending(null, PageRequest.of(0, 500))).extracting(PendingOffer::offerId).doesNotContain(id);

        Map<String, Object> mail = outbox("offer-validated:" + id);
        assertThat((String[]) mail.get("recipients")).containsExactly("jeanne@metallerie-nouvelle.fr");
        assertThat(mail.get("subject")).isEqualTo("Votre offre « Soudeur TIG » est en ligne");
        String link = publicAddress.link("portail/connexion").toString();
        assertThat((String) mail.get("body_text")).contains("Bonjour Jeanne Dupont,").contains(link);
        MimeMessage received = awaitMailTo("jeanne@metallerie-nouvelle.fr");
        assertThat(GreenMailUtil.getBody(received)).contains(link);
    }

    @Test
    void validatingMatchesTheCompanyBySiretMovesAProspectOnAndReusesTheContactWithThatAddress() {
        long known = fixtures.company("Chaudronnerie Connue", "21");
        String siret = jdbc.sql("select siret from company where id = :id").param("id", known).query(String.class).single();
        long contact = fixtures.contact(known, "Martin");
        jdbc.sql("update contact set email = 'paul@connue.fr' where id = :id").param("id", contact).update();
        Declaration base = OfferFixtures.declaration("Nom Déclaré Différent", "21", "Paul@Connue.fr");
        var declaredCompany = new Declaration.DeclaredCompany(siret.substring(0, 3) + " " + siret.substring(3), "Nom Déclaré Différent",
                null, "21000", "Dijon", null, null, null);
        long id = intake.declare(new Declaration(declaredCompany, base.contact(), base.offer(), base.consentedAt(), "2026-12", null));
        fixtures.signIn("referent");

        assertThat(moderation.pendingOffer(id)).get().satisfies(pending -> {
            assertThat(pending.declared()).isTrue();
            assertThat(pending.knownCompanyId()).isEqualTo(known);
            assertThat(pending.knownCompanyName()).isEqualTo("Chaudronnerie Connue");
        });
        Validation validation = moderation.validate(id);

        assertThat(validation.companyId()).isEqualTo(known);
        assertThat(validation.companyCreated()).isFalse();
        assertThat(validation.contactId()).isEqualTo(contact);
        assertThat(validation.contactCreated()).isFalse();
        assertThat(companies.require(known).stage()).isEqualTo(PipelineStage.CONTACTED);
        assertThat(companies.require(known).legalName()).as("the CRM's name is kept").isEqualTo("Chaudronnerie Connue");
        assertThat(contacts.ofCompany(known)).hasSize(1);
        assertThat(offers.require(id).companyName()).isEqualTo("Chaudronnerie Connue");
        assertThatThrownBy(() -> moderation.validate(id)).as("once only")
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("offer.error.not-found"));
    }

    @Test
    void rejectingNeedsAReasonAndMailsItToTheDeclaredContact() {
        long id = intake.declare(OfferFixtures.declaration("Refusée SARL", "21", "refus@refusee.fr"));
        fixtures.signIn("referent");

        assertThatThrownBy(() -> moderation.reject(id, null, null))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.field()).isEqualTo("reasonCode"));
        assertThatThrownBy(() -> moderation.reject(id, RejectionReason.OTHER, " "))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(outboxRows("offer-rejected:" + id)).isZero();

        moderation.reject(id, RejectionReason.NOT_ELIGIBLE, "Activité hors du champ du dispositif");

        OfferDetails offer = offers.require(id);
        assertThat(offer.status()).isEqualTo(OfferStatus.REJECTED);
        assertThat(offer.companyId()).as("no company was created").isNull();
        Map<String, Object> mail = outbox("offer-rejected:" + id);
        assertThat((String[]) mail.get("recipients")).containsExactly("refus@refusee.fr");
        assertThat((String) mail.get("body_text")).contains("Motif : ").contains("Activité hors du champ du dispositif")
                .contains(publicAddress.link("portail/declarer").toString());
        assertThat(jdbc.sql("select count(*) from company where legal_name = 'Refusée SARL'").query(Long.class).single()).isZero();
    }

    @Test
    void aReferentOfAnotherDispNeitherSeesNorValidatesNorRejectsEvenCallingTheServiceDirectly() {
        long paris = intake.declare(OfferFixtures.declaration("Parisienne SA", "75", "contact@parisienne.fr"));
        fixtures.signIn("referent");

        assertThat(moderation.pending(null, PageRequest.of(0, 500))).extracting(PendingOffer::dispCode).containsOnly("DISP DIJON");
        assertThat(moderation.pending(null, PageRequest.of(0, 500))).extracting(PendingOffer::offerId).doesNotContain(paris);
        assertThatThrownBy(() -> moderation.pending("DISP PARIS", PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> moderation.validate(paris)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> moderation.reject(paris, RejectionReason.DUPLICATE, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> moderation.pendingOffer(paris)).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn("communication");
        assertThatThrownBy(() -> moderation.validate(paris)).isInstanceOf(AccessDeniedException.class);

        fixtures.signIn("admin");
        assertThat(moderation.pending("DISP PARIS", PageRequest.of(0, 500))).extracting(PendingOffer::offerId).contains(paris);
        assertThat(offers.require(paris).status()).isEqualTo(OfferStatus.PENDING_VALIDATION);
        assertThat(moderation.validate(paris).companyCreated()).as("an administrator validates any DISP's").isTrue();
    }

    @Test
    void aDeclarationIsMailedToEveryActiveReferentOfItsDispWithTheQueueLink() {
        jdbc.sql("update app_user set email = 'referent.dijon@passerelle.test' where username = 'referent'").update();
        long dijonReferent = jdbc.sql("select id from app_user where username = 'referent'").query(Long.class).single();
        long disabled = referent("ancien.dijon", "DISP DIJON", "ancien@passerelle.test", false);
        long parisReferent = referent("referent.paris.notif", "DISP PARIS", "paris@passerelle.test", true);

        long id = intake.declare(OfferFixtures.declaration("Notifiée SAS", "21", "notif@notifiee.fr"));

        Map<String, Object> mail = outbox("offer-declared:" + id + ":" + dijonReferent);
        assertThat((String[]) mail.get("recipients")).containsExactly("referent.dijon@passerelle.test");
        assertThat(mail.get("subject")).isEqualTo("Nouvelle déclaration à valider : Notifiée SAS");
        assertThat((String) mail.get("body_text")).contains("« Soudeur TIG »").contains(publicAddress.link("moderation").toString());
        assertThat(outboxRows("offer-declared:" + id + ":" + disabled)).isZero();
        assertThat(outboxRows("offer-declared:" + id + ":" + parisReferent)).isZero();
    }

    @Test
    void theDemoDataPutsDeclarationsOfCompaniesTheCrmKnowsInTheDemoReferentsQueue() {
        fixtures.signIn("referent");
        // Other tests of the suite declare offers too: only the demo data's are looked at.
        assertThat(moderation.pending(null, PageRequest.of(0, 500))).filteredOn(PendingOffer::declared)
                .filteredOn(pending -> pending.description() != null && pending.description().startsWith("Offre de démonstration"))
                .isNotEmpty().allSatisfy(pending -> {
                    assertThat(pending.companyId()).isNull();
                    assertThat(pending.knownCompanyId()).as("the declared SIRET is a demo company's").isNotNull();
                    assertThat(pending.contactEmail()).isNotBlank();
                });
    }

    private long referent(String username, String disp, String email, boolean enabled) {
        return jdbc.sql("""
                        insert into app_user (username, display_name, email, password_hash, role, disp_code, enabled)
                        values (:username, :username, :email, '{noop}x', 'REFERENT', :disp, :enabled)
                        on conflict (username) do update set email = excluded.email returning id""")
                .param("username", username).param("email", email).param("disp", disp).param("enabled", enabled)
                .query(Long.class).single();
    }

    private Map<String, Object> outbox(String dedupKey) {
        return jdbc.sql("select recipients, subject, body_text from mail_outbox where dedup_key = :key").param("key", dedupKey)
                .query((rs, row) -> Map.<String, Object>of("recipients", rs.getArray("recipients").getArray(),
                        "subject", rs.getString("subject"), "body_text", rs.getString("body_text")))
                .single();
    }

    private long outboxRows(String dedupKey) {
        return jdbc.sql("select count(*) from mail_outbox where dedup_key = :key").param("key", dedupKey).query(Long.class).single();
    }

    private MimeMessage awaitMailTo(String email) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            var found = Arrays.stream(smtpServer.getReceivedMessages()).filter(m -> isTo(m, email)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail to " + email);
    }

    private static boolean isTo(MimeMessage message, String email) {
        try {
            return List.of(message.getRecipients(Message.RecipientType.TO)).stream().anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

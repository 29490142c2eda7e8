package fr.passerelle.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.campaignresults.CampaignFixture;
import fr.passerelle.offer.Declaration.DeclaredCompany;
import fr.passerelle.offer.Declaration.DeclaredContact;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class OfferIntakeServiceTest extends IntegrationTest {

    @Autowired
    OfferIntakeService intake;
    @Autowired
    OfferService offers;
    @Autowired
    OfferExportService exports;
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
    void theOfferKeepsTheCampaignIdOfItsDeclarationAndDropsOneThatIsNoCampaigns() {
        Declaration d = OfferFixtures.declaration("Campagne SARL", "21", "campagne@exemple.fr");
        long campaign = CampaignFixture.draft(jdbc);

        long attributed = intake.declare(new Declaration(d.company(), d.contact(), d.offer(), d.consentedAt(), d.consentVersion(), null, campaign));
        long forged = intake.declare(new Declaration(d.company(), d.contact(), d.offer(), d.consentedAt(), d.consentVersion(), null, -42L));
        long unknown = intake.declare(new Declaration(d.company(), d.contact(), d.offer(), d.consentedAt(), d.consentVersion(), null,
                campaign + 1_000_000));

        assertThat(jdbc.sql("select campaign_id from offer where id = :id").param("id", attributed).query(Long.class).single())
                .isEqualTo(campaign);
        for (long offer : List.of(forged, unknown)) {
            assertThat(jdbc.sql("select campaign_id is null from offer where id = :id").param("id", offer).query(Boolean.class).single())
                    .as("attribution only: the declaration stands without it").isTrue();
        }
    }

    @Test
    void anAnonymousDeclarationBecomesAPendingOfferWithoutCompanyKeepingWhatWasDeclared() {
        Declaration declaration = OfferFixtures.declaration("Métallerie Dupont", "21", "  Jeanne.Dupont@Exemple.fr ");

        long id = intake.declare(declaration);

        var row = jdbc.sql("""
                        select o.status, o.source, o.company_id, o.contact_id, o.disp_code, d.siret, d.legal_name, d.contact_email,
                               d.contact_phone, d.naf_code, d.consent_version
                        from offer o join offer_declaration d on d.offer_id = o.id where o.id = :id""")
                .param("id", id).query().singleRow();
        assertThat(row).containsEntry("status", "PENDING_VALIDATION").containsEntry("source", "PORTAL")
                .containsEntry("company_id", null).containsEntry("contact_id", null).containsEntry("disp_code", "DISP DIJON")
                .containsEntry("siret", declaration.company().siret()).containsEntry("legal_name", "Métallerie Dupont")
                .containsEntry("contact_email", "jeanne.dupont@exemple.fr").containsEntry("contact_phone", "+33612345678")
                .containsEntry("naf_code", "25.11Z").containsEntry("consent_version", "2026-12");
        assertThat(events.stream(OfferDeclared.class)).singleElement()
                .isEqualTo(new OfferDeclared(id, "DISP DIJON", "Métallerie Dupont", declaration.company().siret()));
        assertThat(events.stream(OfferCreated.class)).singleElement().satisfies(created -> {
            assertThat(created.companyId()).isNull();
            assertThat(created.source()).isEqualTo(OfferSource.PORTAL);
            assertThat(created.createdBy()).isEqualTo("portal:jeanne.dupont@exemple.fr");
        });

        fixtures.signIn("referent");
        assertThat(offers.statusHistory(id)).singleElement().satisfies(change -> {
            assertThat(change.to()).isEqualTo(OfferStatus.PENDING_VALIDATION);
            assertThat(change.changedBy()).isEqualTo("portal:jeanne.dupont@exemple.fr");
        });
        OfferDetails details = offers.require(id);
        assertThat(details.companyId()).isNull();
        assertThat(details.companyDeclared()).isTrue();
        assertThat(details.companyName()).isEqualTo("Métallerie Dupont");
        assertThat(details.contactName()).as("the declared contact").isEqualTo("Jeanne Dupont");
        assertThat(details.editable()).as("validated in the queue, not edited in the form").isFalse();
    }

    @Test
    void theStaffListFindsADeclarationByItsDeclaredNameAndTheExportNamesItDeclared() throws Exception {
        long id = intake.declare(OfferFixtures.declaration("Chaudronnerie Quetzalcoatl", "21", "contact@quetzal.fr"));
        fixtures.signIn("referent");

        var filter = OfferFilter.none().withSearch("quetzalcoatl");
        assertThat(offers.search(filter, PageRequest.of(0, 10))).singleElement().satisfies(summary -> {
            assertThat(summary.id()).isEqualTo(id);
            assertThat(summary.companyId()).isNull();
            assertThat(summary.companyDeclared()).isTrue();
            assertThat(summary.companyName()).isEqualTo("Chaudronnerie Quetzalcoatl");
        });
        assertThat(offers.search(OfferFilter.none().withDisp("DISP DIJON").withStatuses(java.util.Set.of(OfferStatus.PENDING_VALIDATION)),
                PageRequest.of(0, 1000, Sort.by("company")))).extracting(OfferSummary::id).contains(id);

        var out = new ByteArrayOutputStream();
        exports.exportOffers(filter, Sort.unsorted(), fr.passerelle.csv.CsvFormat.RFC_4180, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Chaudronnerie Quetzalcoatl (déclarée)");
    }

    @Test
    void checkOfferChecksTheOfferAloneWithTheStaffFormsMessages() {
        OfferDraft checked = intake.checkOffer(OfferFixtures.job(0, "  Soudeur  ", "21", null));
        assertThat(checked.title()).isEqualTo("Soudeur");
        assertThat(checked.companyId()).as("no company is looked for").isZero();

        assertThatThrownBy(() -> intake.checkOffer(OfferFixtures.job(0, "", "21", null)))
                .isInstanceOfSatisfying(OfferException.class, e -> {
                    assertThat(e.field()).isEqualTo("title");
                    assertThat(e.messageKey()).isEqualTo("offer.error.title-required");
                });
    }

    @Test
    void eachBadValueOfADeclarationIsRefusedAgainstItsFieldAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from offer").query(Long.class).single();
        Declaration good = OfferFixtures.declaration("Bonne Déclaration", "21", "ok@exemple.fr");

        assertRefused(good, company(good, c -> new DeclaredCompany("123 456 789 00000", c.legalName(), c.street(), c.postcode(),
                c.commune(), c.departmentCode(), c.nafCode(), c.workforceBracketCode())), "company.siret", "partner.error.siret-checksum");
        assertRefused(good, company(good, c -> new DeclaredCompany("12345", c.legalName(), null, null, null, null, null, null)),
                "company.siret", "partner.error.siret-format");
        assertRefused(good, company(good, c -> new DeclaredCompany(c.siret(), "x".repeat(201), null, null, null, null, null, null)),
                "company.legalName", "offer.error.too-long");
        assertRefused(good, company(good, c -> new DeclaredCompany(c.siret(), "  ", null, null, null, null, null, null)),
                "company.legalName", "moderation.declaration.error.required");
        assertRefused(good, company(good, c -> new DeclaredCompany(c.siret(), c.legalName(), null, "210", null, null, null, null)),
                "company.postcode", "partner.error.postcode-format");
        assertRefused(good, company(good, c -> new DeclaredCompany(c.siret(), c.legalName(), null, null, null, null, "99.99Z", null)),
                "company.nafCode", "partner.error.naf-unknown");
        assertRefused(good, contact(good, new DeclaredContact(null, "Dupont", null, "pas-une-adresse", null)),
                "contact.email", "partner.error.email-format");
        assertRefused(good, contact(good, new DeclaredContact(null, "", null, "ok@exemple.fr", null)),
                "contact.lastName", "moderation.declaration.error.required");
        assertRefused(good, contact(good, new DeclaredContact("x".repeat(101), "Dupont", null, "ok@exemple.fr", null)),
                "contact.firstName", "offer.error.too-long");
        assertRefused(good, contact(good, new DeclaredContact(null, "Dupont", null, "ok@exemple.fr", "12")),
                "contact.phone", "partner.error.phone-format");
        assertRefused(good, new Declaration(good.company(), good.contact(), OfferFixtures.job(0, "x".repeat(121), "21", null),
                good.consentedAt(), good.consentVersion(), null), "title", "offer.error.too-long");
        assertRefused(good, new Declaration(good.company(), good.contact(), good.offer(), good.consentedAt(), " ", null),
                "consent", "moderation.declaration.error.required");

        assertThat(jdbc.sql("select count(*) from offer").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theDatabaseAllowsNoCompanyOnlyToAPortalDeclarationWaitingOrRejected() {
        long id = intake.declare(OfferFixtures.declaration("Contrainte SA", "21", "c@contrainte.fr"));

        assertThatThrownBy(() -> jdbc.sql("update offer set status = 'OPEN' where id = :id").param("id", id).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("offer_company_unless_declared");
        assertThatThrownBy(() -> jdbc.sql("update offer_declaration set siret = '12345678901234' where offer_id = :id")
                .param("id", id).update()).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("offer_declaration_siret");
        fixtures.signIn("referent");
        assertThatThrownBy(() -> offers.transition(id, OfferStatus.OPEN, null, null))
                .as("a declaration opens only when validated with its company")
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("moderation.error.company-not-matched"));
    }

    private void assertRefused(Declaration good, Declaration bad, String field, String key) {
        assertThat(good).isNotNull();
        assertThatThrownBy(() -> intake.declare(bad)).as(field).isInstanceOfSatisfying(OfferException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    private static Declaration company(Declaration d, UnaryOperator<DeclaredCompany> change) {
        return new Declaration(change.apply(d.company()), d.contact(), d.offer(), d.consentedAt(), d.consentVersion(), d.campaignRef());
    }

    private static Declaration contact(Declaration d, DeclaredContact contact) {
        return new Declaration(d.company(), contact, d.offer(), d.consentedAt(), d.consentVersion(), d.campaignRef());
    }
}

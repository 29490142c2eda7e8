package fr.passerelle.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class OfferServiceTest extends IntegrationTest {

    @Autowired
    OfferService offers;
    @Autowired
    OfferOperations operations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationEvents events;
    @Autowired
    OfferExportService exports;
    @Autowired
    fr.passerelle.partner.CompanyMergeService merges;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(jdbc, users);
    }

    @Test
    void aReferentCreatesAnOpenOfferOfTheirDispRecordedAndAudited() {
        long company = fixtures.company("Métallerie Dijonnaise", "21");
        long contact = fixtures.contact(company, "Roux");
        fixtures.signIn("referent");

        OfferDetails created = offers.create(OfferFixtures.job(company, "  Soudeur TIG  ", "21", contact));

        assertThat(created.status()).isEqualTo(OfferStatus.OPEN);
        assertThat(created.source()).isEqualTo(OfferSource.REFERENT);
        assertThat(created.title()).isEqualTo("Soudeur TIG");
        assertThat(created.dispCode()).as("derived from the department").isEqualTo("DISP DIJON");
        assertThat(created.romeFamily()).isEqualTo("H");
        assertThat(created.contactName()).isEqualTo("Camille Roux");
        assertThat(created.editable()).isTrue();
        assertThat(offers.statusHistory(created.id())).singleElement().satisfies(change -> {
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo(OfferStatus.OPEN);
            assertThat(change.changedBy()).isEqualTo("referent");
        });
        assertThat(auditTrail(created.id())).containsExactly("0 referent OPEN");
        assertThat(events.stream(OfferCreated.class)).singleElement()
                .isEqualTo(new OfferCreated(created.id(), company, "DISP DIJON", OfferType.POST_RELEASE_JOB, OfferStatus.OPEN,
                        OfferSource.REFERENT, "referent"));
        assertThat(offers.offersOf(company)).extracting(OfferSummary::id).containsExactly(created.id());
    }

    @Test
    void aWorkshopOfferTakesTheDispOfItsEstablishmentsAndFollowsThemWhenTheyChange() {
        long company = fixtures.company("Atelier Câblage", "75");
        long paris = fixtures.establishment("DISP PARIS", 0);
        long dijon = fixtures.establishment("DISP DIJON", 0);
        fixtures.signIn("admin");

        OfferDetails created = offers.create(OfferFixtures.workshop(company, "Câblage de faisceaux", Set.of(dijon)));
        assertThat(created.dispCode()).isEqualTo("DISP DIJON");
        assertThat(created.departmentCode()).isNull();
        assertThat(created.establishments()).extracting(OfferDetails.Establishment::id).containsExactly(dijon);

        OfferDetails moved = offers.update(created.id(), created.version(), OfferFixtures.workshop(company, "Câblage de faisceaux", Set.of(paris)));
        assertThat(moved.dispCode()).isEqualTo("DISP PARIS");
        assertThat(jdbc.sql("select count(*) from offer_establishment_aud where offer_id = :id").param("id", created.id())
                .query(Long.class).single()).as("added, removed, added").isEqualTo(3);
    }

    @Test
    void everyAllowedMoveIsRecordedAuditedAndPublished() {
        long company = fixtures.company("Logistique de Bourgogne", "21");
        fixtures.signIn("referent");
        long pending = operations.create(OfferActor.company(company, "contact:1"), OfferFixtures.job(company, "Cariste", "21", null),
                OfferSource.PORTAL, OfferStatus.PENDING_VALIDATION);

        offers.transition(pending, OfferStatus.OPEN, null, null);
        offers.transition(pending, OfferStatus.FILLED, null, "Deux embauches en mai");

        assertThat(offers.require(pending).status()).isEqualTo(OfferStatus.FILLED);
        assertThat(offers.statusHistory(pending)).extracting(c -> c.from() + "→" + c.to() + " " + c.changedBy())
                .containsExactly("OPEN→FILLED referent", "PENDING_VALIDATION→OPEN referent", "null→PENDING_VALIDATION contact:1");
        assertThat(offers.statusHistory(pending).getFirst().reason()).isEqualTo("Deux embauches en mai");
        assertThat(auditTrail(pending)).containsExactly("0 referent PENDING_VALIDATION", "1 referent OPEN", "1 referent FILLED");
        assertThat(events.stream(OfferStatusChanged.class)).extracting(e -> e.from() + "→" + e.to())
                .containsExactly("PENDING_VALIDATION→OPEN", "OPEN→FILLED");
    }

    @Test
    void everyMoveTheLifecycleRefusesIsRefusedAndChangesNothing() {
        long company = fixtures.company("Refus et Cie", "21");
        fixtures.signIn("admin");
        long offer = offers.create(OfferFixtures.job(company, "Plombier", "21", null)).id();
        offers.transition(offer, OfferStatus.CLOSED, null, null);

        for (OfferStatus target : OfferStatus.values()) {
            assertThatThrownBy(() -> offers.transition(offer, target, RejectionReason.OTHER, "essai"))
                    .isInstanceOfSatisfying(OfferException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("offer.error.transition");
                        assertThat(e.arguments()).containsExactly(OfferStatus.CLOSED, target);
                    });
        }
        long open = offers.create(OfferFixtures.job(company, "Plombier 2", "21", null)).id();
        assertThatThrownBy(() -> offers.transition(open, OfferStatus.PENDING_VALIDATION, null, null)).isInstanceOf(OfferException.class);
        assertThatThrownBy(() -> offers.transition(open, OfferStatus.REJECTED, RejectionReason.DUPLICATE, null))
                .as("an open offer is closed, not rejected").isInstanceOf(OfferException.class);
        assertThat(offers.statusHistory(offer)).hasSize(2);
        assertThat(offers.require(offer).status()).isEqualTo(OfferStatus.CLOSED);
    }

    @Test
    void rejectingNeedsAReasonAndARejectedOfferNeverOpens() {
        long company = fixtures.company("Déclarations Douteuses", "21");
        fixtures.signIn("referent");
        long pending = operations.create(OfferActor.company(company, "contact:2"), OfferFixtures.job(company, "Cuisinier", "21", null),
                OfferSource.PORTAL, OfferStatus.PENDING_VALIDATION);

        assertThatThrownBy(() -> offers.transition(pending, OfferStatus.REJECTED, null, null))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.field()).isEqualTo("reasonCode"));
        assertThatThrownBy(() -> offers.transition(pending, OfferStatus.REJECTED, RejectionReason.OTHER, "  "))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("offer.error.reason-text-required"));
        OfferDetails rejected = offers.transition(pending, OfferStatus.REJECTED, RejectionReason.NOT_ELIGIBLE, "Hors champ");
        assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.NOT_ELIGIBLE);
        assertThat(rejected.rejectionText()).isEqualTo("Hors champ");

        assertThatThrownBy(() -> offers.transition(pending, OfferStatus.OPEN, null, null))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("offer.error.transition"));
        assertThatThrownBy(() -> offers.update(pending, rejected.version(), rejected.toDraft()))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("offer.error.final"));
    }

    @Test
    void aCompanyCannotValidateItsOwnDeclarationNorTouchAnotherCompanysOffer() {
        long company = fixtures.company("Auto-Validation SARL", "21");
        long other = fixtures.company("Voisine SARL", "21");
        fixtures.signIn("admin");
        long pending = operations.create(OfferActor.company(company, "contact:3"), OfferFixtures.job(company, "Peintre", "21", null),
                OfferSource.PORTAL, OfferStatus.PENDING_VALIDATION);

        assertThatThrownBy(() -> operations.transition(OfferActor.company(company, "contact:3"), pending, OfferStatus.OPEN, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operations.transition(OfferActor.company(other, "contact:4"), pending, OfferStatus.OPEN, null, null))
                .as("answers as if it did not exist").isInstanceOfSatisfying(OfferException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("offer.error.not-found"));
        assertThatThrownBy(() -> operations.create(OfferActor.company(other, "contact:4"), OfferFixtures.job(company, "Intrus", "21", null),
                OfferSource.PORTAL, OfferStatus.PENDING_VALIDATION)).isInstanceOf(AccessDeniedException.class);
        assertThat(offers.require(pending).status()).isEqualTo(OfferStatus.PENDING_VALIDATION);
    }

    @Test
    void referentCannotCreateEditOrMoveOffersOfAnotherDisp() {
        long company = fixtures.company("Transports Franciliens", "75");
        OfferDetails paris = fixtures.as("admin", () -> offers.create(OfferFixtures.job(company, "Chauffeur", "75", null)));
        fixtures.signIn("referent");

        assertThat(offers.require(paris.id()).editable()).isFalse();
        assertThatThrownBy(() -> offers.create(OfferFixtures.job(company, "Hors DISP", "75", null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers.update(paris.id(), paris.version(), paris.toDraft())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers.update(paris.id(), paris.version(), OfferFixtures.job(company, "Vers Dijon", "21", null)))
                .as("nor move it into their own DISP").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers.transition(paris.id(), OfferStatus.CLOSED, null, null)).isInstanceOf(AccessDeniedException.class);
        long dijonEstablishment = fixtures.establishment("DISP DIJON", 0);
        long parisEstablishment = fixtures.establishment("DISP PARIS", 0);
        assertThatThrownBy(() -> offers.create(OfferFixtures.workshop(company, "Atelier", Set.of(parisEstablishment))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(offers.create(OfferFixtures.workshop(company, "Atelier à Dijon", Set.of(dijonEstablishment))).dispCode())
                .as("a company of another DISP may offer work in the referent's").isEqualTo("DISP DIJON");
        assertThat(offers.require(paris.id()).status()).isEqualTo(OfferStatus.OPEN);
        assertThat(offers.statusHistory(paris.id())).hasSize(1);
    }

    @Test
    void communicationReadsOffersButChangesNothing() {
        long company = fixtures.company("Communication Lecture", "21");
        OfferDetails offer = fixtures.as("admin", () -> offers.create(OfferFixtures.job(company, "Magasinier", "21", null)));
        fixtures.signIn("communication");

        assertThat(offers.require(offer.id()).editable()).isFalse();
        assertThat(offers.offersOf(company)).hasSize(1);
        assertThat(offers.canCreate()).isFalse();
        assertThatThrownBy(() -> offers.create(OfferFixtures.job(company, "Non", "21", null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers.update(offer.id(), offer.version(), offer.toDraft())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers.transition(offer.id(), OfferStatus.CLOSED, null, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void eachBadValueIsReportedAgainstItsFieldWithAFrenchMessageKey() {
        long company = fixtures.company("Validation SAS", "21");
        long otherContact = fixtures.contact(fixtures.company("Autre SAS", "21"), "Autre");
        fixtures.signIn("referent");
        OfferDraft good = OfferFixtures.job(company, "Soudeur", "21", null);
        LocalDate start = good.startDate();

        assertError(good, d -> copy(d, "title", ""), "title", "offer.error.title-required");
        assertError(good, d -> copy(d, "title", "x".repeat(121)), "title", "offer.error.too-long");
        assertError(good, d -> copy(d, "description", "x".repeat(4001)), "description", "offer.error.too-long");
        assertError(good, d -> copy(d, "positions", 0), "positions", "offer.error.positions-range");
        assertError(good, d -> copy(d, "positions", 1000), "positions", "offer.error.positions-range");
        assertError(good, d -> copy(d, "hours", BigDecimal.valueOf(48.5)), "hoursPerWeek", "offer.error.hours-range");
        assertError(good, d -> copy(d, "hours", BigDecimal.ZERO), "hoursPerWeek", "offer.error.hours-range");
        assertError(good, d -> copy(d, "rome", "Z9999"), "romeCode", "offer.error.rome-unknown");
        assertError(good, d -> copy(d, "rome", null), "romeCode", "offer.error.rome-required");
        assertError(good, d -> copy(d, "department", null), "departmentCode", "offer.error.department-required");
        assertError(good, d -> copy(d, "end", start.minusDays(1)), "endDate", "offer.error.end-before-start");
        assertError(good, d -> copy(d, "contact", otherContact), "contactId", "offer.error.contact-not-of-company");
        assertError(OfferFixtures.workshop(company, "Atelier", Set.of()), d -> d, "establishments", "offer.error.establishments-required");
        assertError(OfferFixtures.workshop(company, "Atelier",
                        Set.of(fixtures.establishment("DISP DIJON", 0), fixtures.establishment("DISP PARIS", 0))), d -> d,
                "establishments", "offer.error.establishments-one-disp");
        assertThat(offers.create(copy(good, "hours", BigDecimal.valueOf(48))).hoursPerWeek()).isEqualByComparingTo("48");
        assertThat(offers.offersOf(company)).hasSize(1);
    }

    @Test
    void aChangeSavedMeanwhileIsNotOverwritten() {
        long company = fixtures.company("Concurrence SA", "21");
        fixtures.signIn("referent");
        OfferDetails offer = offers.create(OfferFixtures.job(company, "Maçon", "21", null));
        offers.update(offer.id(), offer.version(), copy(offer.toDraft(), "positions", 3));

        assertThatThrownBy(() -> offers.update(offer.id(), offer.version(), copy(offer.toDraft(), "positions", 5)))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("offer.error.changed-meanwhile"));
        assertThat(offers.require(offer.id()).positions()).isEqualTo(3);
    }

    @Test
    void theDatabaseRefusesWhatTheServiceRefusesWhateverAStatementWrites() {
        long company = fixtures.company("Base de Données SA", "21");
        String insert = """
                insert into offer (company_id, type, rome_code, title, positions, contract_type, department_code, start_date, source, status)
                values (:company, :type, 'H2913', 'Soudeur', :positions, 'CDI', :department, current_date, 'IMPORT', 'OPEN')""";
        assertThatThrownBy(() -> jdbc.sql(insert).param("company", company).param("type", "POST_RELEASE_JOB").param("positions", 0)
                .param("department", "21").update()).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("offer_positions");
        assertThatThrownBy(() -> jdbc.sql(insert).param("company", company).param("type", "WORKSHOP_JOBS").param("positions", 1)
                .param("department", "21").update()).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("offer_department_for_place");
        // A workshop offer without target establishments is refused when its transaction commits.
        assertThatThrownBy(() -> jdbc.sql(insert).param("company", company).param("type", "WORKSHOP_JOBS").param("positions", 1)
                .param("department", null).update()).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("target establishments");
        long stranger = fixtures.contact(fixtures.company("Étrangère SA", "21"), "Étrange");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into offer (company_id, type, rome_code, title, positions, contract_type, department_code, start_date, source,
                                   status, contact_id)
                values (:company, 'POST_RELEASE_JOB', 'H2913', 'Soudeur', 1, 'CDI', '21', current_date, 'IMPORT', 'OPEN', :contact)""")
                .param("company", company).param("contact", stranger).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("offer_contact_of_company");
        assertThat(jdbc.sql("select count(*) from offer where company_id = :company").param("company", company).query(Long.class).single()).isZero();
    }

    @Test
    void theListFiltersInSqlAndSearchesWithoutAccentsOverTitleCompanyAndTrade() {
        long company = fixtures.company("Chaudronnerie Évolène", "21");
        long other = fixtures.company("Boulangerie Zéphyrin", "75");
        fixtures.signIn("admin");
        long welder = offers.create(OfferFixtures.job(company, "Soudeur qualifié TIG", "21", null)).id();
        long baker = offers.create(copy(OfferFixtures.job(other, "Boulanger de nuit", "75", null), "rome", "D1102")).id();
        offers.transition(baker, OfferStatus.FILLED, null, null);

        assertThat(ids(OfferFilter.none().withSearch("QUALIFIE tig"))).containsExactly(welder);
        assertThat(ids(OfferFilter.none().withSearch("evolene"))).as("the company's name").containsExactly(welder);
        assertThat(ids(OfferFilter.none().withSearch("zephyrin boul"))).containsExactly(baker);
        assertThat(ids(OfferFilter.none().withSearch("soudeuse").withCompany(company))).as("the ROME label").containsExactly(welder);
        assertThat(ids(OfferFilter.none().withCompany(company).withDisp("DISP DIJON"))).containsExactly(welder);
        assertThat(ids(OfferFilter.none().withCompany(company).withDisp("DISP PARIS"))).isEmpty();
        assertThat(ids(OfferFilter.none().withCompany(other).withStatuses(Set.of(OfferStatus.FILLED)))).containsExactly(baker);
        assertThat(ids(OfferFilter.none().withCompany(other).withStatuses(Set.of(OfferStatus.OPEN)))).isEmpty();
        assertThat(ids(new OfferFilter(null, Set.of(), OfferType.POST_RELEASE_JOB, "H", "21", company, ""))).containsExactly(welder);
        assertThat(ids(new OfferFilter(null, Set.of(), null, "D", null, company, ""))).isEmpty();
        assertThat(offers.count(OfferFilter.none().withSearch("zephyrin"))).isEqualTo(1);

        jdbc.sql("update company set legal_name = 'Chaudronnerie Xylophage' where id = :id").param("id", company).update();
        assertThat(ids(OfferFilter.none().withSearch("xylophage"))).as("a renamed company is found by its new name").containsExactly(welder);
        assertThat(ids(OfferFilter.none().withSearch("evolene"))).isEmpty();
    }

    @Test
    void theExportWritesTheOffersOfTheFilterForFrenchExcelAndRfc4180() throws Exception {
        long company = fixtures.company("Export Offres SA", "21");
        fixtures.signIn("admin");
        offers.create(OfferFixtures.job(company, "Soudeur; poste \"clé\"", "21", null));
        offers.create(OfferFixtures.job(company, "=Formule", "21", null));
        var filter = OfferFilter.none().withCompany(company);

        var excel = new java.io.ByteArrayOutputStream();
        exports.exportOffers(filter, org.springframework.data.domain.Sort.by("title"), fr.passerelle.csv.CsvFormat.EXCEL_FR, excel);
        String french = excel.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(french).startsWith("\uFEFFIntitulé;Entreprise;SIRET;");
        assertThat(french.lines().toList()).hasSize(3);
        assertThat(french.lines().skip(1).toList().getFirst()).as("a formula is neutralised, in the list's order").startsWith("'=Formule;");
        assertThat(french).contains("\"Soudeur; poste \"\"clé\"\"\";Export Offres SA;")
                .as("dates dd/MM/yyyy").contains(";" + DisplayFormats.date(LocalDate.now()) + ";");

        var rfc = new java.io.ByteArrayOutputStream();
        exports.exportOffers(filter.withStatuses(Set.of(OfferStatus.FILLED)), org.springframework.data.domain.Sort.unsorted(),
                fr.passerelle.csv.CsvFormat.RFC_4180, rfc);
        assertThat(rfc.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList()).as("only the header").hasSize(1);
    }

    @Test
    void mergingACompanyMovesItsOffersToTheKeptOne() {
        long kept = fixtures.company("Fusion Gardée SA", "21");
        long duplicate = fixtures.company("Fusion Doublon SA", "21");
        long contact = fixtures.contact(duplicate, "Suivi");
        fixtures.signIn("admin");
        long followed = offers.create(OfferFixtures.job(duplicate, "Offre suivie", "21", contact)).id();
        long alone = offers.create(OfferFixtures.job(duplicate, "Offre sans contact", "21", null)).id();

        merges.merge(kept, duplicate);

        assertThat(offers.offersOf(kept)).extracting(OfferSummary::id).containsExactlyInAnyOrder(followed, alone);
        assertThat(offers.require(followed).contactName()).as("its contact moved with it").isEqualTo("Camille Suivi");
        assertThat(jdbc.sql("select count(*) from offer_aud where id = :id and company_id = :kept").param("id", alone)
                .param("kept", kept).query(Long.class).single()).as("the move is audited").isEqualTo(1);
    }

    private List<Long> ids(OfferFilter filter) {
        return offers.search(filter, PageRequest.of(0, 50)).stream().map(OfferSummary::id).toList();
    }

    private void assertError(OfferDraft good, UnaryOperator<OfferDraft> change, String field, String key) {
        assertThatThrownBy(() -> offers.create(change.apply(good))).as(key).isInstanceOfSatisfying(OfferException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    /** The draft with one value changed. */
    static OfferDraft copy(OfferDraft d, String what, Object value) {
        return new OfferDraft(d.companyId(), d.type(), what.equals("rome") ? (String) value : d.romeCode(),
                what.equals("title") ? (String) value : d.title(), what.equals("description") ? (String) value : d.description(),
                what.equals("positions") ? (Integer) value : d.positions(), d.contractType(),
                what.equals("hours") ? (BigDecimal) value : d.hoursPerWeek(), d.commune(),
                what.equals("department") ? (String) value : d.departmentCode(), d.establishmentIds(), d.startDate(),
                what.equals("end") ? (LocalDate) value : d.endDate(), what.equals("contact") ? (Long) value : d.contactId());
    }

    /** Each audited revision of the offer: revision type, who, the state it recorded. */
    private List<String> auditTrail(long offerId) {
        return jdbc.sql("""
                        select a.revtype || ' ' || r.username || ' ' || a.status from offer_aud a join audit_revision r on r.id = a.rev
                        where a.id = :id order by a.rev""").param("id", offerId).query(String.class).list();
    }
}

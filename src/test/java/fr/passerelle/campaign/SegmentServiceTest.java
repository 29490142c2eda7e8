package fr.passerelle.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.campaign.internal.SegmentQueries;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.offer.OfferService;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.EngagementType;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.WorkforceBracket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Segments on PostgreSQL with the demo data set present: counts are compared before and after the test adds its own
 * companies, so that whatever else is in the tables does not matter.
 */
class SegmentServiceTest extends IntegrationTest {

    /** A department few demo companies are in; the filters below always include it. */
    private static final String DEPARTMENT = "2B";

    @Autowired
    SegmentService segments;
    @Autowired
    SegmentQueries queries;
    @Autowired
    OfferService offers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    @Autowired
    UserDetailsService users;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(jdbc, users);
    }

    @Test
    void theCountSaysHowManyContactsItReachesAndWhyTheOtherContactsAreLeftOut() {
        fixtures.signIn("communication");
        SegmentFilter filter = inDepartment();
        SegmentCount before = segments.count(filter);
        String word = token();
        long first = company();
        contact(first, word + "@exemple.fr", "ACTIVE");
        contact(first, null, "ACTIVE");
        contact(first, word + "-parti@exemple.fr", "UNSUBSCRIBED");
        long second = company();
        contact(second, word.toUpperCase() + "@Exemple.fr", "ACTIVE");
        contact(second, word + "-rejet@exemple.fr", "BOUNCED");
        contact(second, word + "-2@exemple.fr", "ACTIVE");
        company();

        SegmentCount after = segments.count(filter);

        assertThat(after.matchedContacts() - before.matchedContacts()).isEqualTo(6);
        assertThat(after.matchedCompanies() - before.matchedCompanies()).as("the company without contacts is not counted")
                .isEqualTo(2);
        assertThat(after.recipients() - before.recipients()).as("the shared address twice: the stream gives it once").isEqualTo(3);
        assertThat(after.companies() - before.companies()).isEqualTo(2);
        assertThat(after.withoutEmail() - before.withoutEmail()).isEqualTo(1);
        assertThat(after.unsubscribed() - before.unsubscribed()).isEqualTo(1);
        assertThat(after.bounced() - before.bounced()).isEqualTo(1);
        assertThat(after.optedOut()).as("no opt-out list yet").isZero();
        assertThat(after.excluded() - before.excluded()).isEqualTo(3);
    }

    @Test
    void eachFilterKeepsTheCompaniesItDescribes() {
        fixtures.signIn("admin");
        long prospect = companyWithContact();
        long partner = companyWithContact();
        jdbc.sql("update company set stage = 'PARTNER', workforce_bracket = '53', labels = '{SOCIAL_ECONOMY}', naf_code = '42.21Z'"
                + " where id = :id").param("id", partner).update();
        jdbc.sql("insert into engagement (company_id, type) values (:id, 'WORKSHOP')").param("id", partner).update();
        jdbc.sql("insert into interaction (company_id, kind, occurred_at, summary, author)"
                + " values (:id, 'CALL', now() - interval '2 months', 'Appel', 'admin')").param("id", partner).update();
        jdbc.sql("insert into interaction (company_id, kind, occurred_at, summary, author)"
                + " values (:id, 'CALL', now() - interval '8 months', 'Appel', 'admin')").param("id", prospect).update();
        offers.create(OfferFixtures.job(partner, "Soudeur TIG", DEPARTMENT, null));

        assertThat(added(f -> f.withStages(PipelineStage.PARTNER), prospect, partner)).containsExactly(partner);
        assertThat(added(f -> f.withBrackets(WorkforceBracket.FROM_10000), prospect, partner)).containsExactly(partner);
        assertThat(added(f -> f.withLabels(CompanyLabel.SOCIAL_ECONOMY), prospect, partner)).containsExactly(partner);
        assertThat(added(f -> f.withNafSections(Set.of("F")), prospect, partner)).containsExactly(partner);
        assertThat(added(f -> f.withEngagements(EngagementType.WORKSHOP), prospect, partner)).containsExactly(partner);
        assertThat(added(f -> f.withEngagements(EngagementType.SUBCONTRACTING), prospect, partner)).isEmpty();
        assertThat(added(f -> f.withNoInteractionForMonths(6), prospect, partner)).containsExactly(prospect);
        assertThat(added(f -> f.withNoInteractionForMonths(12), prospect, partner)).isEmpty();
        assertThat(added(f -> f.withNoInteractionForMonths(1), prospect, partner)).containsExactly(prospect, partner);
        assertThat(added(f -> f.withOffers(SegmentFilter.OfferPresence.WITH_OFFER), prospect, partner)).containsExactly(partner);
        assertThat(added(f -> f.withOffers(SegmentFilter.OfferPresence.WITHOUT_OFFER), prospect, partner)).containsExactly(prospect);
        assertThat(added(f -> f.withDisps(Set.of("DISP LYON")), prospect, partner)).as("2B is DISP MARSEILLE").isEmpty();
    }

    @Test
    void aCompanyThatDeclaredAnOfferOnThePortalNotYetValidatedHasAnOffer() {
        fixtures.signIn("admin");
        long declared = companyWithContact();
        String siret = jdbc.sql("select siret from company where id = :id").param("id", declared).query(String.class).single();
        long offer = jdbc.sql("""
                insert into offer (type, rome_code, title, positions, contract_type, department_code, start_date, source, status)
                values ('POST_RELEASE_JOB', 'H2913', 'Soudeur', 1, 'CDI', :department, current_date, 'PORTAL', 'PENDING_VALIDATION')
                returning id""").param("department", DEPARTMENT).query(Long.class).single();
        jdbc.sql("""
                insert into offer_declaration (offer_id, siret, legal_name, contact_last_name, contact_email, consented_at, consent_version)
                values (:offer, :siret, 'Déclarée', 'Martin', 'martin@exemple.fr', now(), '2026-12')""")
                .param("offer", offer).param("siret", siret).update();

        assertThat(added(f -> f.withOffers(SegmentFilter.OfferPresence.WITH_OFFER), declared)).containsExactly(declared);
    }

    @Test
    void addressesOnTheOptOutListAreLeftOutAndCounted() {
        fixtures.signIn("communication");
        String word = token();
        String optedOut = word + "-stop@exemple.fr";
        var queries = new SegmentQueries(jdbc, transactionManager, address -> address + " in ('" + optedOut + "')");
        SegmentFilter filter = inDepartment();
        SegmentCount before = queries.count(filter);
        long company = company();
        contact(company, word + "@exemple.fr", "ACTIVE");
        contact(company, word.toUpperCase() + "-STOP@exemple.fr", "ACTIVE");

        SegmentCount after = queries.count(filter);
        List<String> streamed = new ArrayList<>();
        queries.forEachRecipientBatch(filter, 1000, batch -> batch.forEach(r -> streamed.add(r.address())));

        assertThat(after.optedOut() - before.optedOut()).isEqualTo(1);
        assertThat(after.recipients() - before.recipients()).isEqualTo(1);
        assertThat(streamed).contains(word + "@exemple.fr").doesNotContain(optedOut);
        assertThat(jdbc.sql("select to_regclass('mail_opt_out') is null").query(Boolean.class).single())
                .as("the opt-out module's table is not part of this branch").isTrue();
    }

    @Test
    void theRecipientsComeInBatchesOnceEachInAddressOrderAsCounted() {
        fixtures.signIn("communication");
        String word = token();
        long company = company();
        for (int i = 0; i < 5; i++) {
            contact(company, word + i + "@exemple.fr", "ACTIVE");
        }
        contact(company(), word + "3@EXEMPLE.fr", "ACTIVE");
        Segment segment = segments.create("Haute-Corse " + word, inDepartment());

        List<List<SegmentRecipient>> batches = new ArrayList<>();
        long total = segments.forEachRecipientBatch(segment.id(), 2, batches::add);

        List<String> addresses = batches.stream().flatMap(List::stream).map(SegmentRecipient::address).toList();
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(total).isEqualTo(addresses.size()).isLessThan(segments.count(inDepartment()).recipients());
        assertThat(addresses).doesNotHaveDuplicates().isSorted()
                .containsSubsequence(word + "0@exemple.fr", word + "1@exemple.fr", word + "4@exemple.fr");
        assertThat(batches.stream().flatMap(List::stream).filter(r -> r.address().equals(word + "3@exemple.fr")))
                .singleElement().extracting(SegmentRecipient::companyId).as("the lowest contact id").isEqualTo(company);
    }

    @Test
    void communicationSavesASegmentThatReadsBackAndRefusesATakenNameAndAStaleEdit() {
        fixtures.signIn("communication");
        String name = "BTP sans offre " + token();
        SegmentFilter filter = inDepartment().withNafSections(Set.of("F")).withOffers(SegmentFilter.OfferPresence.WITHOUT_OFFER)
                .withNoInteractionForMonths(6);

        Segment saved = segments.create("  " + name + " ", filter);

        assertThat(saved.name()).isEqualTo(name);
        assertThat(saved.ownerName()).isNotBlank();
        assertThat(segments.find(saved.id())).get().extracting(Segment::filter).isEqualTo(filter);
        assertThatThrownBy(() -> segments.create(name.toUpperCase(), filter)).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.messageKey()).isEqualTo("campaign.error.segment-name-taken"));
        Segment renamed = segments.update(saved.id(), saved.version(), name + " (2)", filter.withNoInteractionForMonths(12));
        assertThat(renamed.filter().noInteractionForMonths()).isEqualTo(12);
        assertThatThrownBy(() -> segments.update(saved.id(), saved.version(), name, filter))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("campaign.error.changed-meanwhile"));
        assertThatThrownBy(() -> segments.create(name + " 3", filter.withNoInteractionForMonths(0)))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.field()).isEqualTo("noInteractionForMonths"));
        assertThat(segments.page(org.springframework.data.domain.PageRequest.of(0, 500)))
                .extracting(SegmentSummary::name).contains(name + " (2)");
    }

    @Test
    void aReferentReadsSegmentsAndCountsButCannotChangeThemAndAnonymousCannotRead() {
        Segment saved = fixtures.as("communication", () -> segments.create("Lecture " + token(), inDepartment()));
        fixtures.signIn("referent");

        assertThat(segments.canManage()).isFalse();
        assertThat(segments.find(saved.id())).isPresent();
        assertThat(segments.count(inDepartment()).matchedContacts()).isNotNegative();
        assertThatThrownBy(() -> segments.create("Refusé " + token(), inDepartment())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> segments.delete(saved.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> segments.forEachRecipientBatch(saved.id(), 10, b -> { }))
                .isInstanceOf(AccessDeniedException.class);

        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> segments.count(inDepartment())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    /** Which of these companies the segment writes to (each has one active contact). */
    private List<Long> added(java.util.function.UnaryOperator<Filters> filter, long... ids) {
        SegmentFilter segment = filter.apply(new Filters(inDepartment())).filter;
        Set<Long> reached = new java.util.HashSet<>();
        queries.forEachRecipientBatch(segment, 10_000, batch -> batch.forEach(r -> reached.add(r.companyId())));
        return java.util.Arrays.stream(ids).filter(reached::contains).boxed().toList();
    }

    /** The filters a test adds to its department. */
    private static final class Filters {
        final SegmentFilter filter;

        Filters(SegmentFilter filter) {
            this.filter = filter;
        }

        Filters withStages(PipelineStage stage) {
            return new Filters(new SegmentFilter(filter.dispCodes(), filter.regionCodes(), filter.departmentCodes(),
                    filter.nafSections(), filter.workforceBrackets(), Set.of(stage), filter.engagementTypes(), filter.labels(),
                    filter.noInteractionForMonths(), filter.offers()));
        }

        Filters withBrackets(WorkforceBracket bracket) {
            return new Filters(new SegmentFilter(filter.dispCodes(), filter.regionCodes(), filter.departmentCodes(),
                    filter.nafSections(), Set.of(bracket), filter.stages(), filter.engagementTypes(), filter.labels(),
                    filter.noInteractionForMonths(), filter.offers()));
        }

        Filters withLabels(CompanyLabel label) {
            return new Filters(new SegmentFilter(filter.dispCodes(), filter.regionCodes(), filter.departmentCodes(),
                    filter.nafSections(), filter.workforceBrackets(), filter.stages(), filter.engagementTypes(), Set.of(label),
                    filter.noInteractionForMonths(), filter.offers()));
        }

        Filters withEngagements(EngagementType type) {
            return new Filters(new SegmentFilter(filter.dispCodes(), filter.regionCodes(), filter.departmentCodes(),
                    filter.nafSections(), filter.workforceBrackets(), filter.stages(), Set.of(type), filter.labels(),
                    filter.noInteractionForMonths(), filter.offers()));
        }

        Filters withNafSections(Set<String> sections) {
            return new Filters(filter.withNafSections(sections));
        }

        Filters withNoInteractionForMonths(int months) {
            return new Filters(filter.withNoInteractionForMonths(months));
        }

        Filters withOffers(SegmentFilter.OfferPresence presence) {
            return new Filters(filter.withOffers(presence));
        }

        Filters withDisps(Set<String> disps) {
            return new Filters(filter.withDisps(disps));
        }
    }

    private static SegmentFilter inDepartment() {
        return new SegmentFilter(Set.of(), Set.of(), Set.of(DEPARTMENT), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
                SegmentFilter.OfferPresence.ANY);
    }

    private long company() {
        return fixtures.company("Segment " + token(), DEPARTMENT);
    }

    private long companyWithContact() {
        long company = company();
        contact(company, token() + "@exemple.fr", "ACTIVE");
        return company;
    }

    private void contact(long company, @Nullable String email, String status) {
        jdbc.sql("insert into contact (company_id, first_name, last_name, email, email_status) values (:company, 'Camille', 'Roux', :email, :status)")
                .param("company", company).param("email", email).param("status", status).update();
    }

    private static String token() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}

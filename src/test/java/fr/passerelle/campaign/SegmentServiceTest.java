package fr.passerelle.campaign;

import static fr.passerelle.workshop.WorkshopFixtures.token;
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
        assertThat(after.optedOut() - before.optedOut()).isZero();
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
    void addressesOnTheOptOutListAreLeftOutAndCountedAsOptedOutWhileTheContactIsStillActive() {
        fixtures.signIn("communication");
        String word = token();
        String listed = word + "-stop@exemple.fr";
        SegmentFilter filter = inDepartment();
        SegmentCount before = segments.count(filter);
        long company = company();
        contact(company, word + "@exemple.fr", "ACTIVE");
        long stillActive = contact(company, word.toUpperCase() + "-STOP@exemple.fr", "ACTIVE");
        // Listed behind the contact's back (as a blocking committed while the contact was being written would be).
        optOut(listed);

        SegmentCount after = segments.count(filter);
        List<String> streamed = new ArrayList<>();
        queries.forEachRecipientBatch(filter, 1000, batch -> batch.forEach(r -> streamed.add(r.address())));

        assertThat(jdbc.sql("select email_status from contact where id = :id").param("id", stillActive).query(String.class).single())
                .isEqualTo("ACTIVE");
        assertThat(after.optedOut() - before.optedOut()).isEqualTo(1);
        assertThat(after.unsubscribed() - before.unsubscribed()).isZero();
        assertThat(after.recipients() - before.recipients()).isEqualTo(1);
        assertThat(after.excluded() - before.excluded()).isEqualTo(1);
        assertThat(streamed).contains(word + "@exemple.fr").doesNotContain(listed);

        // A contact written later with that address takes its status (the optout module's trigger): unsubscribed now.
        contact(company(), listed, "ACTIVE");
        SegmentCount later = segments.count(filter);
        assertThat(later.unsubscribed() - after.unsubscribed()).isEqualTo(1);
        assertThat(later.optedOut()).isEqualTo(after.optedOut());
    }

    @Test
    void theCountKeptPerCompanyEqualsCountingEveryContactThroughBulkChanges() {
        fixtures.signIn("admin");
        var random = new java.util.Random(42);
        String word = token();
        List<Long> companies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            companies.add(fixtures.company("Exacte " + word + " " + i, i % 3 == 0 ? "21" : i % 3 == 1 ? DEPARTMENT : "69"));
        }
        String[] statuses = {"ACTIVE", "ACTIVE", "ACTIVE", "UNSUBSCRIBED", "BOUNCED"};
        // One statement for many contacts, like a CSV import.
        var values = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            String email = random.nextInt(8) == 0 ? "null" : "'" + word + "-" + (i % 70) + "@exemple.fr'";
            values.append(i == 0 ? "" : ", ").append("(").append(companies.get(random.nextInt(companies.size()))).append(", 'Roux', ")
                    .append(email).append(", '").append(statuses[random.nextInt(statuses.length)]).append("')");
        }
        jdbc.sql("insert into contact (company_id, last_name, email, email_status) values " + values).update();
        for (int i = 0; i < 30; i++) {
            jdbc.sql("insert into interaction (company_id, kind, occurred_at, summary, author) values (:company, 'CALL', now() - make_interval(days => :days), 'Appel', 'admin')")
                    .param("company", companies.get(random.nextInt(companies.size()))).param("days", random.nextInt(720)).update();
        }
        for (int i = 0; i < 6; i++) {
            optOut(word + "-" + (i * 7) + "@exemple.fr");
        }
        assertCountsAsEveryContact();

        // Bulk changes across companies: statuses, addresses removed, contacts moved (a merge), removed.
        jdbc.sql("update contact set email_status = 'BOUNCED' where email like :word and id % 3 = 0").param("word", word + "-%").update();
        jdbc.sql("update contact set email = null where email like :word and id % 7 = 1").param("word", word + "-%").update();
        jdbc.sql("update contact set email_status = 'ACTIVE' where email like :word and id % 5 = 2").param("word", word + "-%").update();
        jdbc.sql("update contact set company_id = :to where company_id in (:from)").param("to", companies.get(0))
                .param("from", companies.subList(1, 4)).update();
        jdbc.sql("update contact set phone = '+33612345678' where company_id = :id").param("id", companies.get(5)).update();
        jdbc.sql("delete from contact where company_id = :id and id % 2 = 0").param("id", companies.get(6)).update();
        assertCountsAsEveryContact();

        // Interactions moved back in time, moved to another company, removed.
        jdbc.sql("update interaction set occurred_at = occurred_at - interval '1 year' where company_id in (:ids) and id % 2 = 0")
                .param("ids", companies).update();
        jdbc.sql("update interaction set company_id = :to where company_id = :from").param("to", companies.get(0))
                .param("from", companies.get(7)).update();
        jdbc.sql("delete from interaction where company_id in (:ids) and id % 3 = 0").param("ids", companies).update();
        assertCountsAsEveryContact();

        // Companies moved to another department (hence DISP and region), another stage; offers added, moved, removed.
        jdbc.sql("update company set department_code = case when id % 2 = 0 then '21' else '" + DEPARTMENT + "' end,"
                + " stage = 'CONTACTED' where id in (:ids) and id % 3 <> 0").param("ids", companies).update();
        for (int i = 0; i < 4; i++) {
            jdbc.sql("""
                    insert into offer (company_id, type, rome_code, title, positions, contract_type, department_code, start_date,
                                       source, status)
                    select id, 'POST_RELEASE_JOB', 'H2913', 'Soudeur', 1, 'CDI', department_code, current_date, 'REFERENT', 'OPEN'
                    from company where id in (:ids) and id % 4 = :rest""").param("ids", companies).param("rest", i % 3).update();
        }
        jdbc.sql("update offer set company_id = :to where company_id = :from").param("to", companies.get(8))
                .param("from", companies.get(9)).update();
        jdbc.sql("delete from offer where company_id in (:ids) and id % 2 = 0").param("ids", companies).update();
        assertCountsAsEveryContact();
    }

    /** The fast count of several segments against every contact counted one by one, with the same rules. */
    private void assertCountsAsEveryContact() {
        for (String department : List.of("21", DEPARTMENT)) {
            SegmentFilter inDepartment = inDepartment(department);
            assertThat(segments.count(inDepartment)).as("department %s", department)
                    .isEqualTo(countEveryContact("c.department_code = '" + department + "'"));
            assertThat(segments.count(inDepartment.withNoInteractionForMonths(6))).as("department %s, 6 months", department)
                    .isEqualTo(countEveryContact("c.department_code = '" + department + "' and not exists (select 1 from interaction i"
                            + " where i.company_id = c.id and i.occurred_at >= now() - interval '6 months')"));
        }
        assertThat(segments.count(SegmentFilter.none())).as("no filter").isEqualTo(countEveryContact("true"));
        assertThat(segments.count(inDepartment("21").withDisps(Set.of("DISP DIJON")).withOffers(SegmentFilter.OfferPresence.WITH_OFFER)))
                .as("Côte-d’Or, DISP DIJON, with an offer")
                .isEqualTo(countEveryContact("c.department_code = '21' and c.disp_code = 'DISP DIJON' and (exists (select 1 from offer o"
                        + " where o.company_id = c.id) or exists (select 1 from offer_declaration d where d.siret = c.siret))"));
        assertThat(segments.count(new Filters(inDepartment()).withStages(PipelineStage.CONTACTED).filter))
                .as("Haute-Corse, contacted").isEqualTo(countEveryContact("c.department_code = '" + DEPARTMENT + "' and c.stage = 'CONTACTED'"));
        assertThat(segments.count(SegmentFilter.none().withNoInteractionForMonths(12)
                .withOffers(SegmentFilter.OfferPresence.WITHOUT_OFFER))).as("12 months, no offer")
                .isEqualTo(countEveryContact("not exists (select 1 from interaction i where i.company_id = c.id"
                        + " and i.occurred_at >= now() - interval '12 months') and not exists (select 1 from offer o where o.company_id = c.id)"
                        + " and not exists (select 1 from offer_declaration d where d.siret = c.siret)"));
    }

    private SegmentCount countEveryContact(String condition) {
        return jdbc.sql("""
                select count(*) as matched_contacts, count(distinct company_id) as matched_companies,
                       count(*) filter (where reason = 0) as recipients,
                       count(distinct company_id) filter (where reason = 0) as companies,
                       count(*) filter (where reason = 1) as without_email, count(*) filter (where reason = 2) as unsubscribed,
                       count(*) filter (where reason = 3) as bounced, count(*) filter (where reason = 4) as opted_out
                from (select k.company_id,
                             case when k.email is null then 1 when k.email_status = 'UNSUBSCRIBED' then 2
                                  when k.email_status = 'BOUNCED' then 3
                                  when exists (select 1 from mail_opt_out o where o.address_key = lower(btrim(k.email))) then 4
                                  else 0 end as reason
                      from company c join contact k on k.company_id = c.id
                      where c.kind = 'COMPANY' and %s) matched""".formatted(condition))
                .query(SegmentCount.class).single();
    }

    private void optOut(String address) {
        jdbc.sql("""
                insert into mail_opt_out (address_key, reason, first_event_at, last_event_at, source)
                values (lower(:address), 'UNSUBSCRIBED', now(), now(), 'test') on conflict do nothing""")
                .param("address", address).update();
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
        return inDepartment(DEPARTMENT);
    }

    private static SegmentFilter inDepartment(String department) {
        return new SegmentFilter(Set.of(), Set.of(), Set.of(department), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
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

    private long contact(long company, @Nullable String email, String status) {
        return jdbc.sql("insert into contact (company_id, first_name, last_name, email, email_status) values (:company, 'Camille', 'Roux', :email, :status) returning id")
                .param("company", company).param("email", email).param("status", status).query(Long.class).single();
    }
}

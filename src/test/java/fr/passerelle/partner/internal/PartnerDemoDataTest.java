package fr.passerelle.partner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.Postcodes;
import fr.passerelle.partner.Siret;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo data set of the embedded default. The checks that need exact figures run on a database
 * emptied of companies inside a rolled-back transaction, so that what other tests create does not
 * count.
 */
class PartnerDemoDataTest extends IntegrationTest {

    @Autowired
    PartnerDemoData demoData;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEmbeddedDefaultStartsWithTheDemoCompaniesAndASecondRunAddsNothing() {
        long companies = count("select count(*) from company");
        long contacts = count("select count(*) from contact");
        assertThat(companies).isGreaterThanOrEqualTo(300);
        long referent = jdbc.sql("select id from app_user where username = 'referent'").query(Long.class).single();
        assertThat(count("select count(*) from company where disp_code = 'DISP DIJON' and owner_id = " + referent))
                .as("companies given to the demo referent: the demo accounts (order 100) came first").isPositive();
        assertThat(demoData.order()).isGreaterThan(100);

        assertThat(demoData.seed()).isZero();

        assertThat(count("select count(*) from company")).isEqualTo(companies);
        assertThat(count("select count(*) from contact")).isEqualTo(contacts);
    }

    @Test
    @Transactional
    void aboutThreeHundredCompaniesOverEveryDispAndTheFourSectorsInShortage() {
        reloadOnEmptyTables();

        assertThat(count("select count(*) from company")).isEqualTo(300);
        assertThat(jdbc.sql("select code from disp d where active and not exists (select 1 from company c where c.disp_code = d.code)")
                .query(String.class).list()).as("DISP without companies").isEmpty();
        assertThat(count("select count(*) from company where disp_code = 'DISP DIJON'")).isEqualTo(60);
        assertThat(count("select count(distinct department_code) from company")).as("departments").isGreaterThan(80);
        DemoSector.inShortage().forEach(sector ->
                assertThat(jdbc.sql("select count(*) from company where naf_code in (:codes)").param("codes", sector.nafCodes())
                        .query(Long.class).single()).as(sector.name()).isGreaterThanOrEqualTo(20));
        assertThat(count("select count(*) from company where naf_code is null or naf_code not in (select code from naf_sub_class)")).isZero();
        assertThat(count("select count(distinct stage) from company")).as("every stage").isEqualTo(6);
        assertThat(count("select count(*) from company where 'PRODUIT_EN_PRISON' = any (labels)")).isPositive();
        assertThat(count("select count(*) from company where 'INCLUSIVE_COMPANY' = any (labels)")).isPositive();
        assertThat(count("select count(distinct legal_name) from company")).as("distinct names").isEqualTo(300);
    }

    @Test
    @Transactional
    void identifiersAddressesAndContactsArePlausible() {
        reloadOnEmptyTables();

        assertThat(jdbc.sql("select siret from company").query(String.class).list()).allSatisfy(siret ->
                assertThat(Siret.isValid(siret)).as(siret).isTrue());
        jdbc.sql("select postcode, department_code from company").query((rs, row) -> {
            assertThat(Postcodes.department(rs.getString("postcode"))).as(rs.getString("postcode")).contains(rs.getString("department_code"));
            return null;
        }).list();
        assertThat(count("""
                select count(*) from company c
                where (select count(*) from contact k where k.company_id = c.id and k.is_primary) <> 1
                """)).as("companies without exactly one primary contact").isZero();
        assertThat(count("select count(*) from contact")).isBetween(450L, 700L);
        assertThat(jdbc.sql("select phone from contact where phone is not null").query(String.class).list())
                .allSatisfy(phone -> assertThat(phone).matches("\\+33[1-9][0-9]{8}"));
        assertThat(jdbc.sql("select email from contact where email is not null").query(String.class).list())
                .as("reserved domains only (RFC 2606)").allSatisfy(email -> assertThat(email).matches("[a-z]+(\\.[a-z]+)?@[a-z0-9-]+\\.example"));
        assertThat(count("select count(*) from contact where email_status = 'UNSUBSCRIBED'")).isPositive();
        assertThat(count("select count(*) from contact where email_status = 'BOUNCED'")).isPositive();
    }

    @Test
    @Transactional
    void theDemoReferentOwnsTheCompaniesOfDispDijonAndHasTasksDueAndOverdue() {
        reloadOnEmptyTables();
        long referent = jdbc.sql("select id from app_user where username = 'referent'").query(Long.class).single();
        LocalDate today = DisplayFormats.today();

        assertThat(count("select count(*) from company where disp_code = 'DISP DIJON' and owner_id is distinct from " + referent)).isZero();
        assertThat(count("select count(*) from company where disp_code <> 'DISP DIJON' and owner_id is not null")).isZero();
        assertThat(tasks(referent, "not done and due_date < :today", today)).as("overdue").isGreaterThanOrEqualTo(3);
        assertThat(tasks(referent, "not done and due_date between :today and :today + 6", today)).as("this week").isGreaterThanOrEqualTo(3);
        assertThat(tasks(referent, "not done and due_date > :today + 6", today)).as("later").isPositive();
        assertThat(tasks(referent, "done", today)).as("done").isPositive();
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        assertThat(tasks(admin, "true", today)).isPositive();
        assertThat(count("""
                select count(*) from task t join company c on c.id = t.company_id
                where t.assignee_id = %d and c.disp_code <> 'DISP DIJON'
                """.formatted(referent))).as("the referent's tasks are about companies of their DISP").isZero();
    }

    @Test
    @Transactional
    void historyEngagementsAndInteractionsAgreeWithEachCompany() {
        reloadOnEmptyTables();

        assertThat(count("""
                select count(*) from company c
                where c.stage <> (select m.to_stage from pipeline_move m where m.company_id = c.id order by m.moved_at desc, m.id desc limit 1)
                   or not exists (select 1 from pipeline_move m where m.company_id = c.id and m.from_stage is null and m.to_stage = 'PROSPECT')
                """)).as("companies whose last move is not their stage or whose history does not start as a prospect").isZero();
        assertThat(count("select count(*) from pipeline_move where to_stage = 'DECLINED' and reason is null")).isZero();
        assertThat(count("select count(*) from engagement e join company c on c.id = e.company_id where c.stage = 'PARTNER'"))
                .isGreaterThanOrEqualTo(count("select count(*) from company where stage = 'PARTNER'"));
        assertThat(count("""
                select count(*) from engagement_establishment ee
                join engagement e on e.id = ee.engagement_id join company c on c.id = e.company_id
                join establishment s on s.id = ee.establishment_id
                where s.disp_code <> c.disp_code
                """)).as("engagements in another DISP").isZero();
        assertThat(count("select count(*) from engagement e where not exists (select 1 from engagement_establishment ee where ee.engagement_id = e.id)")).isZero();
        assertThat(count("select count(distinct type) from engagement")).isEqualTo(5);
        assertThat(count("select count(distinct kind) from interaction")).isEqualTo(5);

        Instant now = Instant.now();
        List<Instant> occurred = jdbc.sql("select occurred_at from interaction").query(Instant.class).list();
        assertThat(occurred).hasSizeGreaterThan(500).allSatisfy(at ->
                assertThat(at).isBetween(now.minus(Duration.ofDays(366)), now));
        assertThat(count("select count(*) from interaction i join contact k on k.id = i.contact_id where k.company_id <> i.company_id")).isZero();
        assertThat(count("""
                select count(*) from interaction i join company c on c.id = i.company_id
                where i.author <> case when c.disp_code = 'DISP DIJON' then 'referent' else 'admin' end
                """)).isZero();
    }

    @Test
    @Transactional
    void theSameDataSetEveryTimeWrittenInBatches() {
        reloadOnEmptyTables();
        List<String> first = jdbc.sql("select legal_name || ' ' || siret || ' ' || commune from company order by siret").query(String.class).list();
        long contacts = count("select count(*) from contact");
        jdbc.sql("truncate table company cascade").update();

        long start = System.nanoTime();
        assertThat(demoData.seed()).isEqualTo(300);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(jdbc.sql("select legal_name || ' ' || siret || ' ' || commune from company order by siret").query(String.class).list())
                .isEqualTo(first);
        assertThat(count("select count(*) from contact")).isEqualTo(contacts);
        // About 0.3 s on an idle 2-core machine; the ceiling only catches a slide into row-by-row writes.
        assertThat(millis).as("load time in ms").isLessThan(10_000);
    }

    private void reloadOnEmptyTables() {
        jdbc.sql("truncate table company cascade").update();
        assertThat(demoData.seed()).isEqualTo(300);
    }

    private long tasks(long assignee, String condition, LocalDate today) {
        return jdbc.sql("select count(*) from task where assignee_id = :assignee and " + condition)
                .param("assignee", assignee).param("today", today).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

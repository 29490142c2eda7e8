package fr.passerelle.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo workshop spaces of the embedded default. The exact figures are checked on tables emptied
 * inside a rolled-back transaction, so that what other tests create does not count.
 */
class WorkshopDemoSeederTest extends IntegrationTest {

    @Autowired
    WorkshopDemoSeeder seeder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEmbeddedDefaultStartsWithDemoSpacesAndASecondRunAddsNothing() {
        long spaces = count("select count(*) from workshop_space");
        assertThat(spaces).isGreaterThanOrEqualTo(18);
        assertThat(seeder.order()).as("after accounts, companies and offers").isEqualTo(400);

        assertThat(seeder.seed()).isZero();

        assertThat(count("select count(*) from workshop_space")).isEqualTo(spaces);
    }

    @Test
    @Transactional
    void aDozenEstablishmentsOverSeveralDispWithTheDemoReferentAndTwoRequestsInDijon() {
        jdbc.sql("delete from workshop_space").update();

        assertThat(seeder.seed()).isEqualTo(18);

        assertThat(count("select count(distinct establishment_id) from workshop_space")).isEqualTo(13);
        assertThat(count("""
                select count(distinct e.disp_code) from workshop_space s join establishment e on e.id = s.establishment_id""")).isEqualTo(7);
        assertThat(count("select count(distinct activity_category) from workshop_space")).isGreaterThanOrEqualTo(9);
        assertThat(count("select count(*) from workshop_space where public_listing")).isEqualTo(17);
        long referent = jdbc.sql("select id from app_user where username = 'referent'").query(Long.class).single();
        assertThat(jdbc.sql("""
                select distinct s.referent_id from workshop_space s join establishment e on e.id = s.establishment_id
                where e.disp_code = 'DISP DIJON'""").query(Long.class).list()).containsExactly(referent);
        assertThat(count("""
                select count(*) from workshop_space s join establishment e on e.id = s.establishment_id
                join app_user u on u.id = s.referent_id where u.disp_code <> e.disp_code or u.role <> 'REFERENT'""")).isZero();
        assertThat(jdbc.sql("select available_from from workshop_space where availability = 'AVAILABLE_FROM'").query(LocalDate.class).list())
                .isNotEmpty().allSatisfy(date -> assertThat(date).isAfter(DisplayFormats.today()));
        assertThat(jdbc.sql("select disp_code from workshop_interest where status = 'PENDING'").query(String.class).list())
                .containsExactly("DISP DIJON", "DISP DIJON");
        assertThat(count("""
                select count(*) from workshop_interest i join workshop_space s on s.id = i.space_id where not s.public_listing""")).isZero();

        assertThat(seeder.seed()).as("once is enough").isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

package fr.passerelle.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.template.Template;
import fr.passerelle.template.TemplateService;
import fr.passerelle.template.TemplateWarning;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The demo templates, seeded when the test application started (demo mode). */
class TemplateDemoSeederTest extends IntegrationTest {

    @Autowired
    TemplateDemoSeeder seeder;
    @Autowired
    TemplateService templates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theDemoHasTemplatesOfTheCommunicationTeamWithoutProblemsAndASecondRunAddsNothing() {
        assertThat(seeder.order()).as("after the segments").isEqualTo(610);
        assertThat(seeder.seed()).as("a second run adds nothing").isZero();
        new OfferFixtures(jdbc, users).signIn("communication");

        List<String> names = jdbc.sql("select name from campaign_template order by name").query(String.class).list();
        assertThat(names).contains("Invitation à déclarer une offre", "Relance des entreprises sans nouvelles",
                "Forum emploi et justice");
        for (String name : List.of("Invitation à déclarer une offre", "Relance des entreprises sans nouvelles", "Forum emploi et justice")) {
            long id = jdbc.sql("select id from campaign_template where name = :name").param("name", name).query(Long.class).single();
            Template template = templates.find(id).orElseThrow();
            assertThat(templates.check(template.content()))
                    .as(name).noneMatch(TemplateWarning::blocking).extracting(TemplateWarning::kind)
                    .doesNotContain(TemplateWarning.Kind.UNKNOWN_FIELD);
        }
    }
}

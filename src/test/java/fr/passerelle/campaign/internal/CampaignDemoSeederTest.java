package fr.passerelle.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.campaign.Segment;
import fr.passerelle.campaign.SegmentFilter;
import fr.passerelle.campaign.SegmentService;
import fr.passerelle.campaign.Template;
import fr.passerelle.campaign.TemplateService;
import fr.passerelle.campaign.TemplateWarning;
import fr.passerelle.offer.OfferFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The demo segments and templates, seeded when the test application started (demo mode). */
class CampaignDemoSeederTest extends IntegrationTest {

    @Autowired
    CampaignDemoSeeder seeder;
    @Autowired
    SegmentService segments;
    @Autowired
    TemplateService templates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theDemoHasSegmentsAndTemplatesOfTheCommunicationTeamThatCountAndRenderAndASecondRunAddsNothing() {
        assertThat(seeder.order()).as("after the cohorts' follow-up").isEqualTo(600);
        assertThat(seeder.seed()).as("a second run adds nothing").isZero();
        new OfferFixtures(jdbc, users).signIn("communication");

        Segment btp = segment("BTP Bourgogne sans offre");
        assertThat(btp.ownerName()).isEqualTo("Communication démo");
        assertThat(btp.filter().regionCodes()).containsExactly("27");
        assertThat(btp.filter().nafSections()).containsExactly("F");
        assertThat(btp.filter().offers()).isEqualTo(SegmentFilter.OfferPresence.WITHOUT_OFFER);
        assertThat(segment("Logistique Île-de-France").filter().nafSections()).containsExactly("H");
        assertThat(segments.count(segment("DISP Dijon : sans nouvelles depuis 6 mois").filter()).matchedCompanies())
                .as("the demo companies of DISP DIJON").isPositive();

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

    private Segment segment(String name) {
        long id = jdbc.sql("select id from campaign_segment where name = :name").param("name", name).query(Long.class).single();
        return segments.find(id).orElseThrow();
    }
}

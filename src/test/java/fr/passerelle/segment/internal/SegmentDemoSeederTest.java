package fr.passerelle.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.segment.Segment;
import fr.passerelle.segment.SegmentFilter;
import fr.passerelle.segment.SegmentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The demo segments, seeded when the test application started (demo mode). */
class SegmentDemoSeederTest extends IntegrationTest {

    @Autowired
    SegmentDemoSeeder seeder;
    @Autowired
    SegmentService segments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theDemoHasSegmentsOfTheCommunicationTeamThatCountAndASecondRunAddsNothing() {
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
    }

    private Segment segment(String name) {
        long id = jdbc.sql("select id from campaign_segment where name = :name").param("name", name).query(Long.class).single();
        return segments.find(id).orElseThrow();
    }
}

package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.KaribuTest;
import fr.passerelle.campaignresults.CampaignFixture;
import fr.passerelle.portal.DeclarationFixtures;
import fr.passerelle.portal.PortalFixtures;
import fr.passerelle.portal.internal.CampaignLandings;
import fr.passerelle.portal.internal.DeclarationLink;
import fr.passerelle.portal.internal.Declarations;
import fr.passerelle.reference.ReferenceService;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Attribution through the portal's own links: ?campagne=<id> remembered for the session, counted once, carried to the offer. */
class CampaignLandingTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferenceService reference;
    @Autowired
    Declarations declarations;

    private String previousAddress = "";

    @BeforeEach
    void ownClientAddress() {
        previousAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(DeclarationFixtures.uniqueClientAddress());
    }

    @AfterEach
    void restoreClientAddress() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(previousAddress);
    }

    @Test
    void aDeclarationMadeAfterLandingWithACampaignsIdCarriesItToItsOffer() {
        long campaign = CampaignFixture.draft(jdbc);
        land("portail", String.valueOf(campaign));
        UI.getCurrent().navigate("portail/ateliers");
        UI.getCurrent().navigate("portail/declarer");
        assertThat(visits(campaign)).as("one visit for the session's landing").isEqualTo(1);

        String email = declare();

        assertThat(jdbc.sql("select campaign_id from portal_declaration where email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(campaign);
        String token = DeclarationFixtures.tokenIn(jdbc.sql("select body_text from mail_outbox where :email = any(recipients)")
                .param("email", email).query(String.class).single());
        assertThat(declarations.confirm(token)).isEqualTo(DeclarationLink.JUST_CONFIRMED);
        assertThat(jdbc.sql("""
                        select o.campaign_id from offer o join portal_declaration d on d.offer_id = o.id where d.email = :email""")
                .param("email", email).query(Long.class).single()).isEqualTo(campaign);
        assertThat(jdbc.sql("""
                        select d.campaign_ref is null from offer_declaration d join portal_declaration p on p.offer_id = d.offer_id
                        where p.email = :email""")
                .param("email", email).query(Boolean.class).single()).as("a campaign id is no free tag").isTrue();
    }

    @Test
    void valuesThatAreNotTheIdOfACampaignAreIgnoredWithoutAWord() {
        long rowsBefore = allVisits();
        long noCampaign = CampaignFixture.draft(jdbc) + 1_000_000;
        for (String value : List.of("abc", "0", "-3", "42abc", "4,2", "1e3", "1234567890123456789", " 42", String.valueOf(noCampaign))) {
            land("portail/declarer", value);
            assertThat(CampaignLandings.current()).as(value).isEmpty();
            assertThat(_get(DeclarationView.class)).as("the page works as without it").isNotNull();
        }
        assertThat(allVisits()).isEqualTo(rowsBefore);

        String email = declare();
        assertThat(jdbc.sql("select campaign_id is null from portal_declaration where email = :email").param("email", email)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aSessionCountsOnceACampaignTheLatestLinkWinsAndStaffAreNotCounted() {
        long first = CampaignFixture.draft(jdbc);
        long second = CampaignFixture.draft(jdbc);
        land("portail", String.valueOf(first));
        land("portail/declarer", String.valueOf(first));
        assertThat(visits(first)).isEqualTo(1);
        assertThat(jdbc.sql("select visitor_key from campaign_visit where campaign_id = :c").param("c", first).query(String.class)
                .single()).as("a keyed hash, not the session id").matches("[0-9a-f]{64}")
                .isNotEqualTo(VaadinSession.getCurrent().getSession().getId());

        land("portail", String.valueOf(second));
        assertThat(CampaignLandings.current()).isEqualTo(Optional.of(second));
        assertThat(visits(second)).isEqualTo(1);

        signIn("communication");
        long third = CampaignFixture.draft(jdbc);
        land("portail", String.valueOf(third));
        assertThat(visits(third)).as("a staff member trying the link").isZero();
    }

    /** Opens the page as a campaign's link does: {@code path?campagne=value}. */
    private static void land(String path, String value) {
        UI.getCurrent().navigate(path, QueryParameters.of(CampaignLandings.PARAMETER, value));
    }

    private String declare() {
        String email = PortalFixtures.uniqueEmail();
        DeclarationViewTest.fill(_get(DeclarationView.class), reference, email);
        _click(_get(Button.class, spec -> spec.withText("Envoyer ma déclaration")));
        return email;
    }

    private long visits(long campaignId) {
        return jdbc.sql("select count(*) from campaign_visit where campaign_id = :c").param("c", campaignId).query(Long.class).single();
    }

    private long allVisits() {
        return jdbc.sql("select count(*) from campaign_visit").query(Long.class).single();
    }
}

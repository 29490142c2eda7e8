package fr.passerelle.campaignresults.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import fr.passerelle.KaribuTest;
import fr.passerelle.campaignresults.CampaignFixture;
import fr.passerelle.cohort.CohortFixtures;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The results panel as each role sees it on the campaign page. */
class CampaignResultsPanelTest extends KaribuTest {

    @Autowired
    CampaignResultsPanels panels;
    @Autowired
    CampaignFixture campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    long campaign;

    @BeforeEach
    void campaign() {
        campaign = campaigns.campaign();
    }

    @Test
    void communicationSeesTheWholeCampaignFromDeliveryToHires() {
        signIn("communication");
        CampaignResultsPanel panel = show();

        assertThat(figures()).containsExactly(Map.entry("sent", "4"), Map.entry("failed", "2"), Map.entry("skipped", "1"),
                Map.entry("pending", "3"), Map.entry("cancelled", "0"), Map.entry("bounced", "2"), Map.entry("unsubscribed", "1"),
                Map.entry("complaints", "1"), Map.entry("visits", "3"), Map.entry("declarations", "3"), Map.entry("opened", "2"),
                Map.entry("hires", "2"));
        assertThat(panel.scope.getText()).startsWith("Toute la campagne. Les ouvertures ne sont jamais suivies");
        assertThat(panel.chart.getElement().getAttribute("aria-label")).isEqualTo("Messages envoyés par période");
        assertThat(panel.periods.getColumns()).extracting(Grid.Column::getKey)
                .containsExactly("start", "sent", "failed", "bounced", "unsubscribed", "visits", "declarations", "opened");
        assertThat(panel.periods.getColumnByKey("start").getHeaderText()).isEqualTo("Jour");
        int days = panel.chart.getChildren().toList().size();
        assertThat(days).as("1, 2 and 3 March, and today").isEqualTo(4);

        panel.per.setValue(ChronoUnit.HOURS);
        assertThat(panel.periods.getColumnByKey("start").getHeaderText()).isEqualTo("Heure");
        assertThat(panel.chart.getChildren().toList()).as("three hours of sending, at least one hour today").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void anAdministratorSeesTheSameFigures() {
        signIn("admin");
        show();

        assertThat(figures()).containsEntry("sent", "4").containsEntry("visits", "3").containsEntry("hires", "2");
    }

    @Test
    void aReferentSeesTheirDispsMessagesDeclarationsOffersAndHiresAndIsToldWhyNotTheVisits() {
        signIn("referent");
        CampaignResultsPanel panel = show();

        assertThat(figures()).containsExactly(Map.entry("sent", "3"), Map.entry("failed", "1"), Map.entry("skipped", "0"),
                Map.entry("pending", "1"), Map.entry("cancelled", "0"), Map.entry("bounced", "1"), Map.entry("unsubscribed", "1"),
                Map.entry("complaints", "1"), Map.entry("declarations", "2"), Map.entry("opened", "1"), Map.entry("hires", "2"));
        assertThat(panel.scope.getText()).startsWith("Résultats de votre DISP (DISP DIJON) : les messages envoyés à ses entreprises")
                .contains("Les visites ne sont rattachées à aucune DISP");
        assertThat(panel.chart.getElement().getAttribute("aria-label")).isEqualTo("Messages envoyés par période");
        assertThat(panel.periods.getColumns()).extracting(Grid.Column::getKey)
                .containsExactly("start", "sent", "failed", "bounced", "unsubscribed", "declarations", "opened");
        assertThat(panel.chart.getChildren().toList()).as("1 and 2 March, and today: the 3rd's message is Lyon's").hasSize(3);
    }

    @Test
    void aReferentOfAnotherDispSeesOnlyItsOwnPart() {
        signIn(new CohortFixtures(jdbc, users).lyonReferent());
        CampaignResultsPanel panel = show();

        assertThat(figures()).containsEntry("sent", "1").containsEntry("skipped", "1").containsEntry("pending", "2")
                .containsEntry("bounced", "1").containsEntry("unsubscribed", "0").containsEntry("declarations", "1")
                .containsEntry("hires", "0").doesNotContainKey("visits");
        assertThat(panel.scope.getText()).startsWith("Résultats de votre DISP (DISP LYON)");
    }

    @Test
    void aCampaignNotSentYetSaysSo() {
        signIn("communication");
        CampaignResultsPanel panel = panels.create(CampaignFixture.draft(jdbc));
        UI.getCurrent().add(panel);

        assertThat(panel.scope.getText()).isEqualTo("La campagne n’a pas encore été envoyée.");
        assertThat(panel.chart.getElement().getTextRecursively()).isEqualTo("Rien à afficher pour l’instant.");
        assertThat(panel.periods.isVisible()).isFalse();
    }

    @Test
    void withoutAStaffSignInThereIsNoPanel() {
        signOut();
        assertThatThrownBy(() -> panels.create(campaign)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private CampaignResultsPanel show() {
        CampaignResultsPanel panel = panels.create(campaign);
        UI.getCurrent().add(panel);
        return panel;
    }

    /** The figures shown, by name, in their order on the page. */
    private static Map<String, String> figures() {
        var figures = new LinkedHashMap<String, String>();
        for (Div figure : _find(Div.class, spec -> spec.withClasses("campaign-results-figure"))) {
            String name = figure.getClassNames().stream().filter(c -> c.startsWith("campaign-results-figure-")).findFirst().orElseThrow()
                    .substring("campaign-results-figure-".length());
            figures.put(name, _get(figure, Span.class, spec -> spec.withClasses("campaign-results-number")).getText());
        }
        return figures;
    }
}

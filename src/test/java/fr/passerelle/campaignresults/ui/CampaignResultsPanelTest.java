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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The results panel as each role sees it on the campaign page. */
class CampaignResultsPanelTest extends KaribuTest {

    @Autowired
    CampaignResultsPanels panels;
    @Autowired
    CampaignFixture campaigns;

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
    void aReferentSeesTheirDispsDeclarationsOffersAndHiresAndIsToldWhyNotTheRest() {
        signIn("referent");
        CampaignResultsPanel panel = show();

        assertThat(figures()).containsExactly(Map.entry("declarations", "2"), Map.entry("opened", "1"), Map.entry("hires", "2"));
        assertThat(panel.scope.getText()).isEqualTo("Résultats de votre DISP (DISP DIJON) : déclarations, offres et embauches. "
                + "Les envois et les visites ne sont pas rattachés à une DISP et ne sont pas affichés ici.");
        assertThat(panel.chart.getElement().getAttribute("aria-label")).isEqualTo("Déclarations par période");
        assertThat(panel.periods.getColumns()).extracting(Grid.Column::getKey).containsExactly("start", "declarations", "opened");
    }

    @Test
    void aCampaignNotSentYetSaysSo() {
        signIn("communication");
        CampaignResultsPanel panel = panels.create(CampaignFixture.newCampaignId());
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

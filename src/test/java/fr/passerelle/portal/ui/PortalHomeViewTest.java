package fr.passerelle.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.KaribuTest;
import fr.passerelle.base.ui.MainLayout;
import org.junit.jupiter.api.Test;

class PortalHomeViewTest extends KaribuTest {

    @Test
    void anAnonymousVisitorSeesTheHomePageInThePublicLayout() {
        UI.getCurrent().navigate("portail");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(PortalHomeView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Votre entreprise peut agir pour l’insertion des personnes détenues");
        assertThat(_find(MainLayout.class)).as("never the staff shell").isEmpty();
        assertThat(_find(Header.class)).hasSize(1);
        assertThat(_find(Nav.class)).hasSize(1);
        assertThat(_find(Footer.class)).hasSize(1);
        Main main = _get(Main.class);
        assertThat(main.getId()).hasValue(PortalLayout.MAIN_ID);
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref))
                .contains("#" + PortalLayout.MAIN_ID, "portail/declarer", "portail/ateliers", "portail/connexion", "portail/mentions-legales");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Entreprises : travailler avec les prisons – Passerelle");
    }

    @Test
    void theFiveWaysToWorkWithPrisonsAreExplained() {
        UI.getCurrent().navigate("portail");
        assertThat(_find(H3.class).stream().map(H3::getText)).contains("Implanter un atelier en détention",
                "Sous-traiter au service de l’emploi pénitentiaire", "Embaucher à la sortie", "Accueillir un apprenti",
                "Faire connaître votre métier");
    }

    @Test
    void everyDispIsListedWithItsRegionsReferentsAndTheContactAddress() {
        UI.getCurrent().navigate("portail");

        var dispCards = _find(ListItem.class).stream()
                .filter(item -> LocatorJ._find(item, H3.class).stream().anyMatch(h -> h.getText().startsWith("Direction"))).toList();
        assertThat(dispCards).hasSize(10);
        ListItem dijon = dispCards.stream().filter(item -> LocatorJ._get(item, H3.class).getText().endsWith("de Dijon")).findFirst().orElseThrow();
        var texts = LocatorJ._find(dijon, Paragraph.class).stream().map(Paragraph::getText).toList();
        assertThat(texts).contains("Régions : Bourgogne-Franche-Comté, Centre-Val de Loire");
        // Other tests of the suite add referents to Dijon: the demo referent is among them, whoever else is.
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("Référents : ").contains("Référent démo (Dijon)"));
        assertThat(LocatorJ._find(dijon, Anchor.class).stream().map(Anchor::getHref)).containsExactly("mailto:contact@passerelle.local");
    }

    @Test
    void theLanguageSwitchShowsThePortalInEnglishForTheSession() {
        UI.getCurrent().navigate("portail");
        NativeButton english = _find(NativeButton.class).stream().filter(b -> b.getText().equals("English")).findFirst().orElseThrow();
        assertThat(english.getElement().getAttribute("lang")).isEqualTo("en");
        assertThat(english.getElement().getAttribute("aria-pressed")).isEqualTo("false");

        com.github.mvysny.kaributesting.v10.ButtonKt._click(english);
        UI.getCurrent().navigate("portail/connexion");
        UI.getCurrent().navigate("portail");

        assertThat(_get(H1.class).getText()).isEqualTo("Your company can help people in prison into work");
        assertThat(_find(NativeButton.class).stream().filter(b -> b.getText().equals("English")).findFirst().orElseThrow()
                .getElement().getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void anAnonymousSessionExpiresAfterFifteenMinutesWithoutActivity() {
        UI.getCurrent().navigate("portail");
        assertThat(VaadinSession.getCurrent().getSession().getMaxInactiveInterval()).isEqualTo(15 * 60);
    }

    @Test
    void theLegalNoticeNamesTheContactAddress() {
        UI.getCurrent().navigate("portail/mentions-legales");
        assertThat(_get(H1.class).getText()).isEqualTo("Mentions légales et données personnelles");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).anyMatch(t -> t.contains("contact@passerelle.local"));
    }
}

package fr.passerelle.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._fireValueChange;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import fr.passerelle.KaribuTest;
import fr.passerelle.base.UserProfiles;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MainLayoutTest extends KaribuTest {

    @Autowired
    UserProfiles profiles;

    @Test
    void theShellShowsTheUserAndOnlyTheScreensTheirRoleMayOpen() {
        signIn("communication");
        UI.getCurrent().navigate("etablissements");

        assertThat(_get(Span.class, spec -> spec.withClasses("user-name")).getText()).isEqualTo("Communication démo");
        var labels = com.github.mvysny.kaributesting.v10.LocatorJ._find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("Établissements").doesNotContain("Utilisateurs", "Boîte de réception (démo)");
        _get(Button.class, spec -> spec.withText("Se déconnecter"));
    }

    @Test
    void theLanguageChosenIsRememberedForThePerson() {
        signIn("communication");
        UI.getCurrent().navigate("etablissements");
        @SuppressWarnings("unchecked")
        Select<Locale> language = _get(Select.class, spec -> spec.withPredicate(s -> "Langue".equals(s.getAriaLabel().orElse(null))));
        try {
            language.setValue(Locale.ENGLISH);
            _fireValueChange(language, true);
            assertThat(profiles.find("communication").orElseThrow().locale()).isEqualTo(Locale.ENGLISH);

            // A new page (after the reload) is in English.
            UI.getCurrent().getPage().reload();
            com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
            setUpVaadinAgain();
            UI.getCurrent().navigate("etablissements");
            assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
            _get(Button.class, spec -> spec.withText("Sign out"));
        } finally {
            profiles.saveLocale("communication", Locale.FRENCH);
        }
    }
}

package fr.passerelle.optout.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import fr.passerelle.KaribuTest;
import fr.passerelle.optout.OptOutReason;
import fr.passerelle.optout.OptOuts;
import fr.passerelle.optout.UnsubscribeTokens;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public unsubscribe page, unsigned: opening it changes nothing; one click unsubscribes; forged links are refused. */
class UnsubscribeViewTest extends KaribuTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    OptOuts optOuts;

    private String previousAddress = "";

    @BeforeEach
    void ownClientAddress() {
        previousAddress = FakeHttpEnvironment.INSTANCE.getRemoteAddr();
        FakeHttpEnvironment.INSTANCE.setRemoteAddr("192.0.2." + (100 + CLIENTS.getAndIncrement()));
    }

    @AfterEach
    void restoreClientAddress() {
        FakeHttpEnvironment.INSTANCE.setRemoteAddr(previousAddress);
    }

    @Test
    void openingTheLinkShowsTheMaskedAddressAndChangesNothingUntilTheConfirmingClick() {
        String address = "marie.dupont." + System.nanoTime() + "@exemple.fr";
        String token = tokens.issue(address, 8);

        UI.getCurrent().navigate("desinscription/" + token);

        assertThat(_get(H1.class).getText()).isEqualTo("Se désinscrire");
        assertThat(texts()).contains("Adresse : ma•••@exemple.fr").noneMatch(t -> t.contains("marie.dupont"));
        assertThat(optOuts.isOptedOut(address)).as("a link scanner opening the page unsubscribes no one").isFalse();

        _click(_get(Button.class, spec -> spec.withText("Confirmer la désinscription")));

        assertThat(optOuts.find(address).orElseThrow()).satisfies(o -> {
            assertThat(o.reason()).isEqualTo(OptOutReason.UNSUBSCRIBED);
            assertThat(o.source()).isEqualTo("campaign:8");
        });
        assertThat(_get(H1.class).getText()).isEqualTo("Désinscription enregistrée");
        assertThat(texts()).contains("C’est fait : ma•••@exemple.fr ne recevra plus nos messages de sensibilisation.");
        assertThat(_find(Button.class)).isEmpty();
    }

    @Test
    void openingTheLinkAgainSaysTheAddressIsUnsubscribedAlready() {
        String address = "paul." + System.nanoTime() + "@exemple.fr";
        optOuts.unsubscribe(address, "campaign:1");

        UI.getCurrent().navigate("desinscription/" + tokens.issue(address, 9));

        assertThat(texts()).contains("L’adresse pa•••@exemple.fr est déjà désinscrite : vous ne recevrez plus nos messages de sensibilisation.");
        assertThat(_find(Button.class)).isEmpty();
        assertThat(optOuts.find(address).orElseThrow().source()).isEqualTo("campaign:1");
    }

    @Test
    void aForgedOrAlteredLinkGetsAFrenchMessageAndNoButton() {
        String token = tokens.issue("jeanne." + System.nanoTime() + "@exemple.fr", 3);
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        for (String bad : new String[] {altered, "n-importe-quoi", token.substring(0, token.indexOf('.'))}) {
            UI.getCurrent().navigate("desinscription/" + bad);

            assertThat(_get(H1.class).getText()).isEqualTo("Lien de désinscription invalide");
            assertThat(texts()).anyMatch(t -> t.startsWith("Ce lien est incomplet ou a été modifié."))
                    .noneMatch(t -> t.contains("Exception"));
            assertThat(_find(Button.class)).isEmpty();
        }
    }

    @Test
    void theMaskKeepsTheDomainAndTheFirstLetters() {
        assertThat(MaskedAddress.of("marie@exemple.fr")).isEqualTo("ma•••@exemple.fr");
        assertThat(MaskedAddress.of("al@exemple.fr")).isEqualTo("a•••@exemple.fr");
        assertThat(MaskedAddress.of("x@exemple.fr")).isEqualTo("x•••@exemple.fr");
    }

    private static java.util.List<String> texts() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }
}

package fr.passerelle.offer.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.offer.OfferIntakeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ModerationUiTest extends KaribuTest {

    @Autowired
    OfferIntakeService intake;

    @Test
    void theOffersListShowsADeclarationUnderItsDeclaredCompanyName() {
        long id = intake.declare(OfferFixtures.declaration("Métallerie Zoroastre", "21", "jeanne@zoroastre.fr"));
        signIn("referent");
        UI.getCurrent().navigate(OfferListView.class);

        var view = _get(OfferListView.class);
        _get(TextField.class, spec -> spec.withLabel("Rechercher")).setValue("zoroastre");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).id()).isEqualTo(id);
        assertThat(GridKt._getFormatted(view.grid, 0, "company")).isEqualTo("Métallerie Zoroastre (déclarée)");
    }
}

package fr.passerelle.offer.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.offer.ModerationService;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.offer.OfferIntakeService;
import fr.passerelle.offer.OfferService;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.PendingOffer;
import fr.passerelle.offer.RejectionReason;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.workshop.InterestStatus;
import fr.passerelle.workshop.WorkshopService;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

class ModerationUiTest extends KaribuTest {

    @Autowired
    OfferIntakeService intake;
    @Autowired
    OfferService offers;
    @Autowired
    ModerationService moderation;
    @Autowired
    WorkshopService workshops;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(jdbc, users);
    }

    @Test
    void theOffersListShowsADeclarationUnderItsDeclaredCompanyNameAndSendsItToTheQueue() {
        long id = intake.declare(OfferFixtures.declaration("Métallerie Zoroastre", "21", "jeanne@zoroastre.fr"));
        signIn("referent");
        UI.getCurrent().navigate(OfferListView.class);

        var view = _get(OfferListView.class);
        _get(TextField.class, spec -> spec.withLabel("Rechercher")).setValue("zoroastre");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).id()).isEqualTo(id);
        assertThat(GridKt._getFormatted(view.grid, 0, "company")).isEqualTo("Métallerie Zoroastre (déclarée)");

        GridKt._clickItem(view.grid, 0);
        assertThat(_find(ModerationView.class)).as("a declaration is validated in the queue").hasSize(1);
    }

    @Test
    void aReferentSeesTheirDispsQueueOldestFirstWithTheDeclarationAndTheCrmMatch() {
        long dijon = intake.declare(OfferFixtures.declaration("Serrurerie Ophélie", "21", "o@ophelie.fr"));
        long paris = intake.declare(OfferFixtures.declaration("Serrurerie Parisii", "75", "p@parisii.fr"));
        signIn("referent");
        UI.getCurrent().navigate(ModerationView.class);

        var view = _get(ModerationView.class);
        List<PendingOffer> rows = rows(view.offers.grid);
        assertThat(rows).extracting(PendingOffer::dispCode).containsOnly("DISP DIJON");
        assertThat(rows).extracting(PendingOffer::offerId).contains(dijon).doesNotContain(paris);
        assertThat(rows).extracting(PendingOffer::createdAt).isSorted();
        assertThat(_find(ComboBox.class, spec -> spec.withLabel("DISP"))).as("no DISP to choose").isEmpty();
        int row = rowOf(view.offers.grid, dijon);
        assertThat(GridKt._getFormatted(view.offers.grid, row, "company")).startsWith("Serrurerie Ophélie (déclarée) · ");
        assertThat(GridKt._getFormatted(view.offers.grid, row, "crm")).isEqualTo("Nouvelle entreprise : elle sera créée");
        assertThat(GridKt._getFormatted(view.offers.grid, row, "contact")).isEqualTo("Jeanne Dupont · o@ophelie.fr · 06 12 34 56 78");
        assertThat(text(GridKt._getCellComponent(view.offers.grid, row, "sirene"))).as("no API key in the tests")
                .isEqualTo("Recherche Sirene désactivée");
    }

    @Test
    void validatingFromTheQueueOpensTheOfferAndTheNumberInTheNavigationFollows() {
        long id = intake.declare(OfferFixtures.declaration("Menuiserie Validée", "21", "v@validee.fr"));
        signIn("referent");
        UI.getCurrent().navigate(ModerationView.class);
        long before = fixtures.as("referent", () -> moderation.countPending(null) + workshops.countPendingInterests(null));
        assertThat(navBadge()).contains(String.valueOf(before));

        var view = _get(ModerationView.class);
        _click(button(view.offers.grid, rowOf(view.offers.grid, id), "Valider"));

        assertThat(offers.require(id).status()).isEqualTo(OfferStatus.OPEN);
        assertThat(offers.require(id).companyName()).isEqualTo("Menuiserie Validée");
        assertThat(rows(view.offers.grid)).extracting(PendingOffer::offerId).doesNotContain(id);
        assertThat(navBadge()).contains(String.valueOf(before - 1));
    }

    @Test
    void rejectingAsksForAReasonNextToItsFieldThenRejects() {
        long id = intake.declare(OfferFixtures.declaration("Plomberie Refusée", "21", "r@refusee.fr"));
        signIn("referent");
        UI.getCurrent().navigate(ModerationView.class);
        var view = _get(ModerationView.class);

        _click(button(view.offers.grid, rowOf(view.offers.grid, id), "Refuser"));
        var dialog = _get(RejectDialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Refuser la déclaration")));
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Choisissez le motif du refus.");
        dialog.reason.setValue(RejectionReason.OTHER);
        _click(_get(dialog, Button.class, spec -> spec.withText("Refuser la déclaration")));
        assertThat(dialog.text.isInvalid()).as("OTHER needs a text").isTrue();
        assertThat(offers.require(id).status()).isEqualTo(OfferStatus.PENDING_VALIDATION);

        dialog.text.setValue("Poste déjà proposé par l’agence partenaire.");
        _click(_get(dialog, Button.class, spec -> spec.withText("Refuser la déclaration")));

        assertThat(offers.require(id).status()).isEqualTo(OfferStatus.REJECTED);
        assertThat(offers.require(id).rejectionText()).isEqualTo("Poste déjà proposé par l’agence partenaire.");
        assertThat(_find(RejectDialog.class)).isEmpty();
        assertThat(rows(view.offers.grid)).extracting(PendingOffer::offerId).doesNotContain(id);
    }

    @Test
    void workshopRequestsAreHandledOrDismissedFromTheQueue() {
        long space = jdbc.sql("""
                        select s.id from workshop_space s join establishment e on e.id = s.establishment_id
                        where s.public_listing and e.active and e.disp_code = 'DISP DIJON' order by s.id limit 1""")
                .query(Long.class).single();
        long first = workshops.registerInterest(new fr.passerelle.workshop.InterestDraft(space, "Atelier Alpha", null, "Claire Martin",
                "claire@alpha.fr", null, "Nous cherchons 300 m²."));
        long second = workshops.registerInterest(new fr.passerelle.workshop.InterestDraft(space, "Atelier Bêta", null, "Paul Roux",
                "paul@beta.fr", null, null));
        signIn("referent");
        UI.getCurrent().navigate(ModerationView.class);
        var grid = _get(ModerationView.class).interests.grid;

        _click(button(grid, rowOfInterest(grid, first), "Traité"));
        _click(button(grid, rowOfInterest(grid, second), "Classer sans suite"));

        fixtures.signIn("referent");
        assertThat(workshops.interest(first).orElseThrow().status()).isEqualTo(InterestStatus.HANDLED);
        assertThat(workshops.interest(second).orElseThrow().status()).isEqualTo(InterestStatus.DISMISSED);
    }

    @Test
    void anAdministratorSeesEveryDispAndFiltersOneWhileCommunicationIsTurnedAway() {
        long paris = intake.declare(OfferFixtures.declaration("Admin Parisienne", "75", "a@parisienne.fr"));
        signIn("admin");
        UI.getCurrent().navigate(ModerationView.class);
        var view = _get(ModerationView.class);
        assertThat(rows(view.offers.grid)).extracting(PendingOffer::dispCode).contains("DISP PARIS", "DISP DIJON");

        @SuppressWarnings("unchecked")
        ComboBox<DispSummary> disp = _get(ComboBox.class, spec -> spec.withLabel("DISP"));
        disp.setValue(disp.getListDataView().getItems().filter(d -> d.code().equals("DISP PARIS")).findFirst().orElseThrow());
        assertThat(rows(view.offers.grid)).extracting(PendingOffer::dispCode).containsOnly("DISP PARIS");
        assertThat(rows(view.offers.grid)).extracting(PendingOffer::offerId).contains(paris);

        signIn("communication");
        assertAccessDenied(ModerationView.class);
    }

    private Optional<String> navBadge() {
        return _find(SideNavItem.class).stream().filter(item -> "À valider".equals(item.getLabel())).findFirst()
                .map(SideNavItem::getSuffixComponent).map(badge -> ((Badge) badge).getText());
    }

    private static Button button(Grid<?> grid, int row, String text) {
        return _get(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withText(text));
    }

    private static int rowOf(Grid<PendingOffer> grid, long offerId) {
        return IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).offerId() == offerId).findFirst().orElseThrow();
    }

    private static int rowOfInterest(Grid<fr.passerelle.workshop.WorkshopInterestSummary> grid, long id) {
        return IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).id() == id).findFirst().orElseThrow();
    }

    private static <T> List<T> rows(Grid<T> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}

package fr.passerelle.workshop.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.workshop.WorkshopFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.workshop.WorkshopFixtures.LYON_ESTABLISHMENT;
import static fr.passerelle.workshop.WorkshopFixtures.draft;
import static fr.passerelle.workshop.WorkshopFixtures.establishmentId;
import static fr.passerelle.workshop.WorkshopFixtures.interest;
import static fr.passerelle.workshop.WorkshopFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.security.ui.LoginView;
import fr.passerelle.workshop.WorkshopInterestSummary;
import fr.passerelle.workshop.WorkshopService;
import fr.passerelle.workshop.WorkshopSpaceSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;

class WorkshopSpacesViewTest extends KaribuTest {

    @Autowired
    WorkshopService workshops;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorCreatesASpaceAndSeesTheErrorsNextToTheFields() {
        signIn("admin");
        UI.getCurrent().navigate(WorkshopSpacesView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Espaces d’atelier");
        assertThat(dispFilter().getValue()).as("an administrator starts on every DISP").isNull();

        _click(_get(Button.class, spec -> spec.withText("Nouvel espace")));
        setValue(field(ComboBox.class, "DISP"), disp("DISP DIJON"));
        String label = "Atelier 2 – bâtiment B " + token();
        setValue(field(TextField.class, "Nom de l’espace"), label);
        setValue(field(IntegerField.class, "Surface de production (m²)"), 0);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));

        ComboBox<?> establishment = field(ComboBox.class, "Établissement");
        assertThat(establishment.isInvalid()).isTrue();
        assertThat(establishment.getErrorMessage()).isEqualTo("Choisissez l’établissement.");
        long dijon = establishmentId(jdbc, DIJON_ESTABLISHMENT);
        setValue(establishmentField(), new EstablishmentChoice(dijon, DIJON_ESTABLISHMENT, "DISP DIJON"));
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        IntegerField area = field(IntegerField.class, "Surface de production (m²)");
        assertThat(area.isInvalid()).isTrue();
        assertThat(area.getErrorMessage()).isEqualTo("La surface doit être comprise entre 1 et 100\u202f000 m².");
        assertThat(establishment.isInvalid()).isFalse();

        setValue(area, 450);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(notificationTexts()).contains("Espace « " + label + " » enregistré");
        setValue(_get(TextField.class, spec -> spec.withLabel("Rechercher")), label);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "label")).isEqualTo(label);
        assertThat(GridKt._getFormatted(grid(), 0, "disp")).isEqualTo("DISP DIJON");
        assertThat(GridKt._getFormatted(grid(), 0, "area")).isEqualTo("450 m²");
        assertThat(resultCount()).isEqualTo("1 espace");
    }

    @Test
    void aReferentEditsTheSpacesOfTheirDispOnly() {
        signIn("admin");
        String word = token();
        WorkshopSpaceSummary dijonSpace = workshops.create(draft(establishmentId(jdbc, DIJON_ESTABLISHMENT), "Atelier " + word + " A"));
        WorkshopSpaceSummary lyonSpace = workshops.create(draft(establishmentId(jdbc, LYON_ESTABLISHMENT), "Atelier " + word + " B"));
        signIn("referent");
        UI.getCurrent().navigate(WorkshopSpacesView.class);

        assertThat(dispFilter().getValue()).extracting(DispSummary::code).isEqualTo("DISP DIJON");
        setValue(_get(TextField.class, spec -> spec.withLabel("Rechercher")), word);
        assertThat(GridKt._findAll(grid())).extracting(WorkshopSpaceSummary::id).containsExactly(dijonSpace.id());
        setValue(dispFilter(), null);
        assertThat(GridKt._findAll(grid())).extracting(WorkshopSpaceSummary::id).containsExactly(dijonSpace.id(), lyonSpace.id());
        assertThat(editButton(1)).as("no edit for another DISP").isNull();

        _click(editButton(0));
        ComboBox<?> disp = field(ComboBox.class, "DISP");
        assertThat(disp.isReadOnly()).isTrue();
        assertThat(((DispSummary) disp.getValue()).code()).isEqualTo("DISP DIJON");
        setValue(field(TextField.class, "Nom de l’espace"), "Atelier " + word + " renommé");
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(workshops.space(dijonSpace.id()).orElseThrow().label()).isEqualTo("Atelier " + word + " renommé");
        assertThat(GridKt._getFormatted(grid(), 0, "label")).isEqualTo("Atelier " + word + " renommé");
    }

    @Test
    void aSpaceIsDeletedAfterAConfirmation() {
        signIn("admin");
        String label = "Atelier à supprimer " + token();
        WorkshopSpaceSummary space = workshops.create(draft(establishmentId(jdbc, DIJON_ESTABLISHMENT), label));
        UI.getCurrent().navigate(WorkshopSpacesView.class);
        setValue(_get(TextField.class, spec -> spec.withLabel("Rechercher")), label);

        _click(editButton(0));
        _click(_get(Button.class, spec -> spec.withText("Supprimer")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Supprimer cet espace ?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(workshops.space(space.id())).isEmpty();
        assertThat(GridKt._size(grid())).isZero();
        assertThat(_get(grid(), Div.class, spec -> spec.withClasses("empty-state")).getElement().getTextRecursively())
                .contains("Aucun espace d’atelier ne correspond à ces filtres.");
    }

    @Test
    void theCommunicationTeamReadsTheSpacesButChangesNothingAndSeesNoRequest() {
        signIn("admin");
        String word = token();
        workshops.create(draft(establishmentId(jdbc, DIJON_ESTABLISHMENT), "Atelier " + word));
        signIn("communication");
        UI.getCurrent().navigate(WorkshopSpacesView.class);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(WorkshopSpacesView.class);
        setValue(_get(TextField.class, spec -> spec.withLabel("Rechercher")), word);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(editButton(0)).isNull();
        assertThat(_find(Button.class, spec -> spec.withText("Nouvel espace"))).isEmpty();
        assertThat(_find(TabSheet.class)).as("no requests tab").isEmpty();
    }

    @Test
    void aReferentHandlesTheRequestsOfTheirDisp() {
        signIn("admin");
        long space = workshops.create(draft(establishmentId(jdbc, DIJON_ESTABLISHMENT), "Atelier " + token())).id();
        long lyonSpace = workshops.create(draft(establishmentId(jdbc, LYON_ESTABLISHMENT), "Atelier " + token())).id();
        String company = "Menuiserie <b>Durand</b> " + token();
        signOut();
        workshops.registerInterest(interest(space, company));
        workshops.registerInterest(interest(lyonSpace, "Lyonnaise " + token()));
        signIn("referent");
        UI.getCurrent().navigate(WorkshopSpacesView.class);
        long pending = workshops.countPendingInterests(null);

        Tab requests = _find(Tab.class).stream().filter(tab -> tab.getLabel().startsWith("Demandes")).findFirst().orElseThrow();
        assertThat(requests.getLabel()).isEqualTo("Demandes (" + pending + ")");
        _get(TabSheet.class).setSelectedTab(requests);
        Grid<WorkshopInterestSummary> queue = interestGrid();
        List<WorkshopInterestSummary> rows = GridKt._findAll(queue);
        assertThat(rows).extracting(WorkshopInterestSummary::dispCode).containsOnly("DISP DIJON");
        int row = rows.stream().map(WorkshopInterestSummary::companyName).toList().indexOf(company);
        assertThat(row).isNotNegative();
        assertThat(GridKt._getFormatted(queue, row, "company")).as("shown as text").isEqualTo(company);

        Component actions = GridKt._getCellComponent(queue, row, "actions");
        _click(_get(actions, Button.class, spec -> spec.withText("Traitée")));
        assertThat(notificationTexts()).contains("Demande de " + company + " marquée comme traitée");
        assertThat(GridKt._findAll(queue)).extracting(WorkshopInterestSummary::companyName).doesNotContain(company);
        assertThat(requests.getLabel()).isEqualTo("Demandes (" + (pending - 1) + ")");
        assertThat(workshops.pendingInterests(null, Pageable.unpaged())).hasSize((int) pending - 1);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        UI.getCurrent().navigate("ateliers");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    private static @Nullable Button editButton(int row) {
        Component cell = GridKt._getCellComponent(grid(), row, "actions");
        return _find(cell, Button.class).stream().findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Grid<WorkshopSpaceSummary> grid() {
        return _get(Grid.class, spec -> spec.withClasses("workshop-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<WorkshopInterestSummary> interestGrid() {
        return _get(Grid.class, spec -> spec.withClasses("workshop-interest-grid"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DispSummary> dispFilter() {
        return _find(ComboBox.class, spec -> spec.withLabel("DISP")).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<EstablishmentChoice> establishmentField() {
        return field(ComboBox.class, "Établissement");
    }

    private DispSummary disp(String code) {
        return new DispSummary(code, jdbc.sql("select name from disp where code = :c").param("c", code).query(String.class).single());
    }

    private static <T extends Component> T field(Class<T> type, String label) {
        var dialog = _get(WorkshopSpaceDialog.class);
        return _get(dialog, type, spec -> spec.withLabel(label));
    }

    private static String resultCount() {
        return _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("result-count")).getText();
    }

    /** What a person's choice does (Karibu 2.6.2's {@code _setValue} fails on Vaadin 25.2). */
    private static <V> void setValue(HasValue<?, V> field, @Nullable V value) {
        assertThat(((Component) field).isVisible() && ((HasEnabled) field).isEnabled()).as("field usable").isTrue();
        field.setValue(value);
    }

    private static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(WorkshopSpacesViewTest::text).toList();
    }

    private static String text(Notification notification) {
        String text = notification.getElement().getProperty("text");
        return text != null ? text : notification.getElement().getTextRecursively();
    }
}

package fr.passerelle.reference.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import fr.passerelle.KaribuTest;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.EstablishmentType;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.ui.LoginView;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

class EstablishmentListViewTest extends KaribuTest {

    @Autowired
    ReferenceService reference;


    @Test
    void anAdministratorSeesEveryEstablishmentAndTheirNumber() {
        signIn("admin");
        UI.getCurrent().navigate(EstablishmentListView.class);

        assertThat(GridKt._size(grid())).isEqualTo(186);
        assertThat(resultCount()).isEqualTo("186 établissements");
        assertThat(dispFilter().getValue()).isNull();
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Établissements pénitentiaires");
    }

    @Test
    void theStartPageIsTheEstablishmentList() {
        signIn("communication");
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(EstablishmentListView.class);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        UI.getCurrent().navigate("etablissements");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void aReferentStartsOnTheirOwnDisp() {
        signIn("referent");
        UI.getCurrent().navigate(EstablishmentListView.class);

        assertThat(dispFilter().getValue()).extracting(DispSummary::code).isEqualTo("DISP DIJON");
        long dijon = reference.countEstablishments(EstablishmentFilter.ofDisp("DISP DIJON"));
        assertThat(GridKt._size(grid())).isEqualTo(dijon).isLessThan(186);
        assertThat(GridKt._findAll(grid())).allSatisfy(e -> assertThat(e.dispCode()).isEqualTo("DISP DIJON"));
        assertThat(resultCount()).isEqualTo(dijon + " établissements");
        assertThat(departmentFilter().getListDataView().getItems())
                .as("only the departments of the DISP").isNotEmpty().allSatisfy(d -> assertThat(d.dispCode()).isEqualTo("DISP DIJON"));

        setValue(dispFilter(), null);
        assertThat(GridKt._size(grid())).as("a referent may look at every DISP").isEqualTo(186);
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        signIn("admin");
        UI.getCurrent().navigate(EstablishmentListView.class);

        setValue(search(), "chateaudun");
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "name")).isEqualTo("Centre de détention de Châteaudun");
        assertThat(GridKt._getFormatted(grid(), 0, "commune")).isEqualTo("Châteaudun");
        assertThat(resultCount()).isEqualTo("1 établissement");

        setValue(search(), "MONTBELIARD");
        assertThat(GridKt._getFormatted(grid(), 0, "commune")).isEqualTo("Montbéliard");
    }

    @Test
    void filtersCombine() {
        signIn("admin");
        UI.getCurrent().navigate(EstablishmentListView.class);

        setValue(dispFilter(), disp("DISP LYON"));
        setValue(typeFilter(), type("MA"));
        var expected = reference.establishments(new EstablishmentFilter("DISP LYON", "MA", null, ""), Pageable.unpaged());
        assertThat(GridKt._findAll(grid())).isNotEmpty().containsExactlyElementsOf(expected);

        DepartmentSummary rhone = departmentFilter().getListDataView().getItems()
                .filter(d -> d.code().equals("69")).findFirst().orElseThrow();
        setValue(departmentFilter(), rhone);
        assertThat(GridKt._findAll(grid())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.departmentCode()).isEqualTo("69"))
                .allSatisfy(e -> assertThat(e.typeCode()).isEqualTo("MA"));
        assertThat(GridKt._getFormatted(grid(), 0, "department")).isEqualTo("69 – Rhône");

        setValue(dispFilter(), disp("DISP LILLE"));
        assertThat(departmentFilter().getValue()).as("the Rhône is not in the DISP of Lille").isNull();
    }

    @Test
    void columnsSortInTheDatabase() {
        signIn("admin");
        UI.getCurrent().navigate(EstablishmentListView.class);

        GridKt._sortByKey(grid(), "commune", SortDirection.DESCENDING);
        List<String> communes = GridKt._fetch(grid(), 0, 186).stream().map(EstablishmentSummary::commune).toList();
        assertThat(communes).first().isEqualTo(communes.stream().max(EstablishmentListViewTest::compareFolded).orElseThrow());

        GridKt._sortByKey(grid(), "disp", SortDirection.ASCENDING);
        assertThat(GridKt._fetch(grid(), 0, 186)).extracting(EstablishmentSummary::dispCode).isSorted();
    }

    @Test
    void selectingARowShowsTheEstablishmentDetails() {
        signIn("admin");
        UI.getCurrent().navigate(EstablishmentListView.class);
        setValue(search(), "CP FRESNES");
        int row = GridKt._findAll(grid()).stream().map(EstablishmentSummary::code).toList().indexOf("CP FRESNES");
        GridKt._selectRow(grid(), row);

        EstablishmentDetailPanel panel = _get(EstablishmentDetailPanel.class);
        assertThat(panel.isVisible()).isTrue();
        assertThat(_get(panel, H2.class).getText()).isEqualTo(GridKt._getFormatted(grid(), row, "name"));
        String details = _get(panel, DescriptionList.class).getElement().getTextRecursively();
        assertThat(details).contains("Libellé DGAP", "CP FRESNES", "Quartiers", "EPSN – établissement public de santé national",
                "Département", "94 – Val-de-Marne", "Région", "11 – Île-de-France", "DISP PARIS", "Coordonnées", "Voir sur OpenStreetMap");

        _click(_get(panel, Button.class, spec -> spec.withAttribute("aria-label", "Fermer la fiche de l’établissement")));
        assertThat(panel.isVisible()).isFalse();
        assertThat(grid().asSingleSelect().getValue()).isNull();
    }

    @Test
    void detailsSayWhatIsMissing() {
        signIn("admin");
        UI.getCurrent().navigate(EstablishmentListView.class);
        setValue(search(), "chateaudun");
        GridKt._selectRow(grid(), 0);

        String details = _get(_get(EstablishmentDetailPanel.class), DescriptionList.class).getElement().getTextRecursively();
        assertThat(details).contains("Coordonnées (latitude ; longitude)Non renseigné", "Point à vérifier");
    }

    @Test
    void whenNothingMatchesTheFiltersCanBeClearedFromTheEmptyState() {
        signIn("referent");
        UI.getCurrent().navigate(EstablishmentListView.class);
        setValue(search(), "montbeliard-sur-mer");

        assertThat(GridKt._size(grid())).isZero();
        assertThat(resultCount()).isEqualTo("Aucun établissement");
        var emptyState = grid().getEmptyStateComponent();
        assertThat(emptyState.getElement().getTextRecursively()).startsWith("Aucun établissement ne correspond");
        _click(_get(emptyState, Button.class, spec -> spec.withText("Effacer les filtres")));

        assertThat(search().getValue()).isEmpty();
        assertThat(dispFilter().getValue()).isNull();
        assertThat(GridKt._size(grid())).isEqualTo(186);
    }

    @Test
    void filtersAreRememberedForTheSession() {
        signIn("referent");
        UI.getCurrent().navigate(EstablishmentListView.class);
        setValue(dispFilter(), null);
        setValue(typeFilter(), type("CSL"));
        setValue(search(), "lyon");

        var before = UI.getCurrent().getCurrentView();
        UI.getCurrent().navigate(LoginView.class);
        UI.getCurrent().navigate(EstablishmentListView.class);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(EstablishmentListView.class).isNotSameAs(before);

        assertThat(dispFilter().getValue()).as("the referent's choice, not their DISP").isNull();
        assertThat(typeFilter().getValue()).extracting(EstablishmentType::code).isEqualTo("CSL");
        assertThat(search().getValue()).isEqualTo("lyon");
        assertThat(GridKt._findAll(grid())).isNotEmpty().allSatisfy(e -> assertThat(e.typeCode()).isEqualTo("CSL"));
    }

    @Test
    void everyFilterAndTheGridAreLabelledForScreenReaders() {
        signIn("admin");
        UI.getCurrent().navigate(EstablishmentListView.class);

        List<HasLabel> filters = List.of(search(), dispFilter(), typeFilter(), departmentFilter());
        assertThat(filters).extracting(HasLabel::getLabel).containsExactly("Rechercher", "DISP", "Type d’établissement", "Département");
        assertThat(grid().getAriaLabel()).hasValue("Liste des établissements pénitentiaires");
        assertThat(_get(view(), Span.class, spec -> spec.withClasses("result-count")).getElement().getAttribute("aria-live")).isEqualTo("polite");
    }

    @Test
    void theViewSpeaksEnglishToo() {
        signIn("admin");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(EstablishmentListView.class);

        assertThat(resultCount()).isEqualTo("186 establishments");
        assertThat(_get(view(), TextField.class).getLabel()).isEqualTo("Search");
        assertThat(grid().getColumnByKey("commune").getHeaderText()).isEqualTo("Town");
    }

    @Test
    void theCommunicationTeamSeesEveryDisp() {
        signIn("communication");
        UI.getCurrent().navigate(EstablishmentListView.class);

        assertThat(dispFilter().getValue()).isNull();
        assertThat(GridKt._size(grid())).isEqualTo(186);
    }

    @SuppressWarnings("unchecked")
    private static Grid<EstablishmentSummary> grid() {
        return _get(Grid.class);
    }

    /**
     * What a person's choice in a field does. Karibu 2.6.2's {@code _setValue} calls a Vaadin-internal
     * method that Vaadin 25.2 no longer has; the view does not distinguish client from server changes.
     */
    private static <V> void setValue(HasValue<?, V> field, @Nullable V value) {
        assertThat(((Component) field).isVisible() && ((HasEnabled) field).isEnabled()).as("field usable").isTrue();
        field.setValue(value);
    }

    private static EstablishmentListView view() {
        return _get(EstablishmentListView.class);
    }

    private static TextField search() {
        return _get(view(), TextField.class, spec -> spec.withLabel("Rechercher"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DispSummary> dispFilter() {
        return _get(view(), ComboBox.class, spec -> spec.withLabel("DISP"));
    }

    @SuppressWarnings("unchecked")
    private static Select<EstablishmentType> typeFilter() {
        return _get(view(), Select.class, spec -> spec.withLabel("Type d’établissement"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DepartmentSummary> departmentFilter() {
        return _get(view(), ComboBox.class, spec -> spec.withLabel("Département"));
    }

    private static String resultCount() {
        return _get(view(), Span.class, spec -> spec.withClasses("result-count")).getText();
    }

    private static DispSummary disp(String code) {
        return dispFilter().getListDataView().getItems().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private static EstablishmentType type(String code) {
        return typeFilter().getListDataView().getItems().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    private static int compareFolded(String a, String b) {
        return fold(a).compareTo(fold(b));
    }

    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}

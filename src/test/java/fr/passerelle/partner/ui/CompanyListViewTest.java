package fr.passerelle.partner.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.security.StaffDirectory;
import fr.passerelle.security.StaffMember;
import fr.passerelle.security.ui.LoginView;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CompanyListViewTest extends CompanyUiTest {

    @Autowired
    StaffDirectory staffDirectory;

    @Test
    void aReferentStartsOnTheirDispAndFindsACompanyByItsNameWithoutAccents() {
        signIn("admin");
        String word = token();
        String siret = newSiret();
        createCompany(new CompanyDraft(siret, "Béton Côte-d’Or Équipements " + word, "BCE", null, null, null, "21000", "Dijon",
                null, null, Set.of(), null));
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);

        assertThat(dispFilter().getValue()).extracting(DispSummary::code).isEqualTo("DISP DIJON");
        assertThat(departmentFilter().getListDataView().getItems()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.dispCode()).isEqualTo("DISP DIJON"));
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Entreprises partenaires");

        setValue(search(), "EQUIPEMENTS " + word.toUpperCase(Locale.ROOT));
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "name")).isEqualTo("BCE (Béton Côte-d’Or Équipements " + word + ")");
        assertThat(GridKt._getFormatted(grid(), 0, "siret")).isEqualTo(spaced(siret));
        assertThat(GridKt._getFormatted(grid(), 0, "commune")).isEqualTo("Dijon");
        assertThat(GridKt._getFormatted(grid(), 0, "department")).isEqualTo("21");
        assertThat(GridKt._getFormatted(grid(), 0, "disp")).isEqualTo("DISP DIJON");
        assertThat(resultCount()).isEqualTo("1 entreprise");
        Span badge = (Span) GridKt._getCellComponent(grid(), 0, "stage");
        assertThat(badge.getText()).isEqualTo("Prospect");
        assertThat(badge.getElement().getThemeList()).contains("badge");

        setValue(search(), spaced(siret).substring(0, 11));
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::siret).contains(siret);
    }

    @Test
    void theCommunicationTeamSeesEveryCompanyButCannotCreateOrMerge() {
        signIn("admin");
        createCompany(newSiret(), "Transports Lyonnais " + token(), "69");
        signIn("communication");
        UI.getCurrent().navigate(CompanyListView.class);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CompanyListView.class);
        assertThat(dispFilter().getValue()).isNull();
        assertThat(GridKt._size(grid())).isEqualTo((int) companyService.count(CompanyFilter.none())).isPositive();
        assertThat(_find(Button.class, spec -> spec.withText("Nouvelle entreprise"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Fusionner…"))).isEmpty();
        assertThat(grid().getSelectionModel()).isNotInstanceOf(GridMultiSelectionModel.class);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        UI.getCurrent().navigate("entreprises");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void filtersCombineAndAreRememberedForTheSession() {
        signIn("admin");
        String word = token();
        CompanyDetails partner = createCompany(new CompanyDraft(newSiret(), "Menuiserie " + word, null, "16.23Z", null, null,
                null, null, "21", null, Set.of(CompanyLabel.PRODUIT_EN_PRISON), null));
        companyService.moveStage(partner.id(), PipelineStage.PARTNER, null);
        createCompany(new CompanyDraft(newSiret(), "Menuiserie bis " + word, null, "43.32A", null, null, null, null, "21", null,
                Set.of(), null));
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);

        setValue(search(), word);
        assertThat(GridKt._size(grid())).isEqualTo(2);
        setValue(stageFilter(), Set.of(PipelineStage.PARTNER, PipelineStage.CONTACTED));
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::id).containsExactly(partner.id());
        setValue(stageFilter(), Set.of());
        setValue(labelFilter(), CompanyLabel.PRODUIT_EN_PRISON);
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::id).containsExactly(partner.id());
        setValue(labelFilter(), null);
        setValue(sectionFilter(), sectionFilter().getListDataView().getItems().filter(s -> s.code().equals("F")).findFirst().orElseThrow());
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::legalName).containsExactly("Menuiserie bis " + word);
        setValue(dispFilter(), null);

        var before = UI.getCurrent().getCurrentView();
        UI.getCurrent().navigate(LoginView.class);
        UI.getCurrent().navigate(CompanyListView.class);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CompanyListView.class).isNotSameAs(before);
        assertThat(dispFilter().getValue()).as("the referent's choice, not their DISP").isNull();
        assertThat(search().getValue()).isEqualTo(word);
        assertThat(sectionFilter().getValue().code()).isEqualTo("F");
        assertThat(GridKt._size(grid())).isEqualTo(1);
    }

    @Test
    void theOwnerFilterListsTheReferents() {
        signIn("admin");
        String word = token();
        StaffMember referent = referent();
        createCompany(new CompanyDraft(newSiret(), "Serrurerie " + word, null, null, null, null, null, null, "71", null,
                Set.of(), referent.id()));
        createCompany(newSiret(), "Serrurerie sans référent " + word, "71");
        UI.getCurrent().navigate(CompanyListView.class);

        setValue(search(), word);
        setValue(ownerFilter(), referent);
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::legalName).containsExactly("Serrurerie " + word);
        assertThat(GridKt._getFormatted(grid(), 0, "owner")).isEqualTo("Référent démo (Dijon)");
    }

    @Test
    void whenNothingMatchesTheFiltersCanBeClearedFromTheEmptyState() {
        signIn("admin");
        createCompany(newSiret(), "Boulangerie " + token(), "21");
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        setValue(search(), "zz-aucune-entreprise-" + token());

        assertThat(GridKt._size(grid())).isZero();
        assertThat(resultCount()).isEqualTo("Aucune entreprise");
        var emptyState = grid().getEmptyStateComponent();
        assertThat(emptyState.getElement().getTextRecursively()).startsWith("Aucune entreprise ne correspond");
        _click(_get(emptyState, Button.class, spec -> spec.withText("Effacer les filtres")));

        assertThat(search().getValue()).isEmpty();
        assertThat(dispFilter().getValue()).isNull();
        assertThat(GridKt._size(grid())).isEqualTo((int) companyService.count(CompanyFilter.none())).isPositive();
    }

    @Test
    void everyColumnSortsInTheDatabase() {
        signIn("admin");
        String word = token();
        createCompany(newSiret(), "Alpha " + word, "21");
        createCompany(newSiret(), "Zêta " + word, "75");
        UI.getCurrent().navigate(CompanyListView.class);
        setValue(search(), word);

        for (String key : List.of("name", "siret", "commune", "department", "disp", "stage", "owner", "updated")) {
            GridKt._sortByKey(grid(), key, SortDirection.DESCENDING);
            assertThat(GridKt._size(grid())).as(key).isEqualTo(2);
        }
        GridKt._sortByKey(grid(), "name", SortDirection.DESCENDING);
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::legalName).containsExactly("Zêta " + word, "Alpha " + word);
        GridKt._sortByKey(grid(), "department", SortDirection.ASCENDING);
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::departmentCode).containsExactly("21", "75");
    }

    @Test
    void clickingARowOpensTheCompany() {
        signIn("admin");
        String word = token();
        CompanyDetails company = createCompany(newSiret(), "Imprimerie " + word, "21");
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        setValue(search(), word);

        GridKt._clickItem(grid(), 0, "name");
        assertThat(currentPath()).isEqualTo("entreprises/" + company.id());
    }

    @Test
    void filtersAndTheGridAreLabelledAndTheViewSpeaksEnglishToo() {
        signIn("referent");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate(CompanyListView.class);

        assertThat(_get(TextField.class, spec -> spec.withLabel("Search")).getPlaceholder()).isEqualTo("Name, SIRET or town");
        assertThat(grid().getAriaLabel()).hasValue("Partner companies");
        assertThat(grid().getColumnByKey("commune").getHeaderText()).isEqualTo("Town");
        assertThat(_get(Button.class, spec -> spec.withText("New company")).isVisible()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withClasses("result-count")).getElement().getAttribute("role")).isEqualTo("status");
    }

    StaffMember referent() {
        return staffDirectory.referents().stream().filter(r -> r.displayName().equals("Référent démo (Dijon)"))
                .findFirst().orElseThrow();
    }

    static CompanyListView view() {
        return _get(CompanyListView.class);
    }

    static TextField search() {
        return _get(view(), TextField.class, spec -> spec.withLabel("Rechercher"));
    }

    @SuppressWarnings("unchecked")
    static ComboBox<DispSummary> dispFilter() {
        return _get(view(), ComboBox.class, spec -> spec.withLabel("DISP"));
    }

    @SuppressWarnings("unchecked")
    static ComboBox<DepartmentSummary> departmentFilter() {
        return _get(view(), ComboBox.class, spec -> spec.withLabel("Département"));
    }

    @SuppressWarnings("unchecked")
    static MultiSelectComboBox<PipelineStage> stageFilter() {
        return _get(view(), MultiSelectComboBox.class, spec -> spec.withLabel("Étape"));
    }

    @SuppressWarnings("unchecked")
    static Select<CompanyLabel> labelFilter() {
        return _get(view(), Select.class, spec -> spec.withLabel("Label"));
    }

    @SuppressWarnings("unchecked")
    static ComboBox<fr.passerelle.reference.NafSection> sectionFilter() {
        return _get(view(), ComboBox.class, spec -> spec.withLabel("Secteur (NAF)"));
    }

    @SuppressWarnings("unchecked")
    static ComboBox<StaffMember> ownerFilter() {
        return _get(view(), ComboBox.class, spec -> spec.withLabel("Référent"));
    }

    static String resultCount() {
        return _get(view(), Span.class, spec -> spec.withClasses("result-count")).getText();
    }
}

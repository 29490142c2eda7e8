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
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.SavedViewService;
import fr.passerelle.reference.DepartmentSummary;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Organisations in the companies screens (decision record 015): the Type filter, the Organisations list, the form. */
class OrganisationUiTest extends CompanyUiTest {

    @Autowired
    SavedViewService savedViews;

    @Test
    void aReferentCreatesAFederationWithoutSiretFromTheOrganisationsListAndSeesItsKind() {
        signIn("referent");
        UI.getCurrent().navigate(OrganisationListView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Organisations partenaires");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).as("the navigation's entry")
                .contains("Entreprises", "Organisations");
        assertThat(kindFilter().getValue()).as("every kind but companies").isEqualTo(PartnerKind.ORGANISATIONS);
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::kind).doesNotContain(PartnerKind.COMPANY);

        String word = token();
        _click(_get(Button.class, spec -> spec.withText("Nouvelle organisation")));
        assertThat(kind().getValue()).isEqualTo(PartnerKind.FEDERATION);
        assertThat(siret().isRequiredIndicatorVisible()).isFalse();
        assertThat(siret().getHelperText()).startsWith("Facultatif pour une organisation qui n’est pas une entreprise");
        setValue(field("Raison sociale"), "Fédération des Travaux Publics " + word);
        setValue(department(), department().getListDataView().getItems().filter(d -> d.code().equals("21")).findFirst().orElseThrow());
        save();

        assertThat(_find(CompanyFormDialog.class)).isEmpty();
        assertThat(notificationTexts()).contains("Organisation « Fédération des Travaux Publics " + word + " » créée.");
        setValue(CompanyListViewTest.search(), word);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(CompanyListViewTest.resultCount()).isEqualTo("1 organisation");
        Span kind = (Span) GridKt._getCellComponent(grid(), 0, "kind");
        assertThat(kind.getText()).isEqualTo("Fédération professionnelle");
        assertThat(kind.getElement().getThemeList()).contains("badge");
        assertThat(GridKt._getFormatted(grid(), 0, "siret")).isEmpty();
        CompanyDetails saved = companyService.require(GridKt._get(grid(), 0).id());
        assertThat(saved.kind()).isEqualTo(PartnerKind.FEDERATION);
        assertThat(saved.siret()).isNull();

        GridKt._clickItem(grid(), 0, "name");
        assertThat(currentPath()).isEqualTo("entreprises/" + saved.id());
        assertThat(_get(CompanyHeader.class, spec -> spec.withClasses("company-header")).getElement().getTextRecursively())
                .contains("Fédération professionnelle").contains("Bourgogne-Franche-Comté");
        assertThat(_get(Span.class, spec -> spec.withClasses("company-kind")).getText()).isEqualTo("Fédération professionnelle");
    }

    @Test
    void aCompanyStillNeedsItsSiretAndTheHintSaysSo() {
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        _click(_get(Button.class, spec -> spec.withText("Nouvelle entreprise")));
        assertThat(kind().getValue()).isEqualTo(PartnerKind.COMPANY);
        assertThat(siret().isRequiredIndicatorVisible()).isTrue();
        setValue(field("Raison sociale"), "Sans SIRET " + token());
        setValue(department(), department().getListDataView().getItems().filter(d -> d.code().equals("21")).findFirst().orElseThrow());
        save();
        assertThat(siret().getErrorMessage()).isEqualTo("Le SIRET est obligatoire.");
        assertThat(_find(CompanyFormDialog.class)).as("nothing saved, the form stays open").hasSize(1);

        setValue(kind(), PartnerKind.SPIP);
        assertThat(siret().isRequiredIndicatorVisible()).isFalse();
        save();
        assertThat(_find(CompanyFormDialog.class)).as("a SPIP may have no SIRET").isEmpty();
    }

    @Test
    void theTypeFilterNarrowsTheCompaniesListAndASavedViewKeepsIt() {
        signIn("admin");
        String word = token();
        createCompany(newSiret(), "Travaux " + word, "21");
        CompanyDetails spip = createCompany(new CompanyDraft("", "SPIP " + word, null, null, null, null, null, null, "21", null,
                Set.of(), null, PartnerKind.SPIP));
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        assertThat(kindFilter().getValue()).as("the companies list starts on every kind").isEmpty();
        setValue(CompanyListViewTest.search(), word);
        assertThat(GridKt._size(grid())).isEqualTo(2);

        setValue(kindFilter(), Set.of(PartnerKind.SPIP));
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::id).containsExactly(spip.id());
        var saved = savedViews.save("SPIP " + word, currentFilter());
        assertThat(savedViews.mine()).filteredOn(v -> v.id() == saved.id()).singleElement()
                .satisfies(v -> assertThat(v.filter().kinds()).containsExactly(PartnerKind.SPIP));

        setValue(kindFilter(), Set.of(PartnerKind.COMPANY));
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::legalName).containsExactly("Travaux " + word);
    }

    private static fr.passerelle.partner.CompanyFilter currentFilter() {
        return _get(CompanyFilterBar.class).value();
    }

    /** Saves, past the likely duplicates (the demo's own organisations have names alike). */
    private static void save() {
        var dialog = _get(CompanyFormDialog.class);
        _find(dialog, Button.class, spec -> spec.withText("Créer")).forEach(b -> _click(b));
        _find(Button.class, spec -> spec.withText("Créer quand même")).forEach(b -> _click(b));
    }

    @SuppressWarnings("unchecked")
    static MultiSelectComboBox<PartnerKind> kindFilter() {
        return _get(CompanyListViewTest.view(), MultiSelectComboBox.class, spec -> spec.withLabel("Type"));
    }

    @SuppressWarnings("unchecked")
    static Select<PartnerKind> kind() {
        return _get(_get(CompanyFormDialog.class), Select.class, spec -> spec.withLabel("Type"));
    }

    static TextField siret() {
        return field("SIRET");
    }

    static TextField field(String label) {
        return CompanyFormDialogTest.field(label);
    }

    @SuppressWarnings("unchecked")
    static ComboBox<DepartmentSummary> department() {
        return _get(_get(CompanyFormDialog.class), ComboBox.class, spec -> spec.withLabel("Département"));
    }
}

package fr.passerelle.partner.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.partner.ui.CompanyListViewTest.departmentFilter;
import static fr.passerelle.partner.ui.CompanyListViewTest.dispFilter;
import static fr.passerelle.partner.ui.CompanyListViewTest.ownerFilter;
import static fr.passerelle.partner.ui.CompanyListViewTest.stageFilter;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.SavedView;
import fr.passerelle.partner.SavedViewService;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.security.StaffDirectory;
import fr.passerelle.security.StaffMember;
import fr.passerelle.security.ui.LoginView;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SavedViewsTest extends CompanyUiTest {

    @Autowired
    SavedViewService savedViewService;
    @Autowired
    StaffDirectory staffDirectory;

    @Test
    void aReferentSavesMyProspectsInCoteDOrAndReappliesItLater() {
        signIn("admin");
        String word = token();
        StaffMember me = staffDirectory.referents().stream().filter(r -> r.displayName().equals("Référent démo (Dijon)"))
                .findFirst().orElseThrow();
        CompanyDetails prospect = createCompany(draft("Prospect " + word, "21", me.id()));
        CompanyDetails contacted = createCompany(draft("Contactée " + word, "21", me.id()));
        companyService.moveStage(contacted.id(), PipelineStage.CONTACTED, null);
        CompanyDetails elsewhere = createCompany(draft("Ailleurs " + word, "71", me.id()));
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);

        setValue(departmentFilter(), department("21"));
        setValue(stageFilter(), Set.of(PipelineStage.PROSPECT));
        setValue(ownerFilter(), me);
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::id).contains(prospect.id())
                .doesNotContain(contacted.id(), elsewhere.id());
        _click(_get(Button.class, spec -> spec.withText("Enregistrer la vue…")));
        String name = "Mes prospects en Côte-d’Or " + word;
        setValue(viewName(), name);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));

        assertThat(notificationTexts()).contains("Vue « " + name + " » enregistrée.");
        assertThat(picker().getValue()).extracting(SavedView::name).isEqualTo(name);

        // Later: another visit, the session's filters gone.
        UI.getCurrent().navigate(LoginView.class);
        VaadinSession.getCurrent().setAttribute(CompanyListView.FILTER_ATTRIBUTE, null);
        UI.getCurrent().navigate(CompanyListView.class);
        assertThat(departmentFilter().getValue()).isNull();
        assertThat(picker().getValue()).isNull();

        setValue(picker(), picker().getListDataView().getItems().filter(v -> v.name().equals(name)).findFirst().orElseThrow());
        assertThat(dispFilter().getValue()).extracting(DispSummary::code).isEqualTo("DISP DIJON");
        assertThat(departmentFilter().getValue()).extracting(DepartmentSummary::code).isEqualTo("21");
        assertThat(stageFilter().getValue()).containsExactly(PipelineStage.PROSPECT);
        assertThat(ownerFilter().getValue()).isEqualTo(me);
        assertThat(GridKt._findAll(grid())).extracting(CompanySummary::id).contains(prospect.id())
                .doesNotContain(contacted.id(), elsewhere.id());
        assertThat(GridKt._findAll(grid())).allSatisfy(c -> {
            assertThat(c.departmentCode()).isEqualTo("21");
            assertThat(c.stage()).isEqualTo(PipelineStage.PROSPECT);
            assertThat(c.ownerId()).isEqualTo(me.id());
        });
        assertThat(picker().getValue()).as("still shown as the view applied").extracting(SavedView::name).isEqualTo(name);

        setValue(stageFilter(), Set.of());
        assertThat(picker().getValue()).as("changed by hand: no longer that view").isNull();
    }

    @Test
    void savingUnderAnExistingNameReplacesItOnceConfirmedAndAViewCanBeDeleted() {
        signIn("communication");
        String name = "Partenaires " + token();
        UI.getCurrent().navigate(CompanyListView.class);
        setValue(stageFilter(), Set.of(PipelineStage.PARTNER));
        _click(_get(Button.class, spec -> spec.withText("Enregistrer la vue…")));
        setValue(viewName(), name);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));

        setValue(stageFilter(), Set.of(PipelineStage.DORMANT));
        _click(_get(Button.class, spec -> spec.withText("Enregistrer la vue…")));
        setValue(viewName(), name.toUpperCase(java.util.Locale.ROOT));
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Remplacer la vue « " + name + " » ?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(savedViewService.mine()).filteredOn(v -> v.name().equalsIgnoreCase(name)).singleElement()
                .satisfies(v -> assertThat(v.filter().stages()).containsExactly(PipelineStage.DORMANT));

        SavedView view = picker().getListDataView().getItems().filter(v -> v.name().equalsIgnoreCase(name)).findFirst().orElseThrow();
        setValue(picker(), view);
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Supprimer la vue « " + view.name() + " »")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(savedViewService.mine()).extracting(SavedView::name).doesNotContain(view.name());
        assertThat(picker().getValue()).isNull();
    }

    private static CompanyDraft draft(String name, String department, long ownerId) {
        return new CompanyDraft(newSiret(), name, null, null, null, null, null, null, department, null, Set.of(), ownerId);
    }

    private static DepartmentSummary department(String code) {
        return departmentFilter().getListDataView().getItems().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Select<SavedView> picker() {
        return _get(Select.class, spec -> spec.withLabel("Vues enregistrées"));
    }

    private static TextField viewName() {
        return _get(_get(SaveViewDialog.class), TextField.class, spec -> spec.withLabel("Nom de la vue"));
    }
}

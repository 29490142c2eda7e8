package fr.passerelle.partner.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.CompanyMergeService;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.NafSubClass;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class CompanyFormDialogTest extends CompanyUiTest {

    @Autowired
    CompanyMergeService mergeService;
    @Autowired
    ReferenceService referenceService;
    @Autowired
    StaffDirectory staffDirectory;

    @Test
    void aBadSiretIsExplainedNextToTheFieldAndNothingIsSaved() {
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        long before = companyService.count(CompanyFilter.none());
        _click(_get(Button.class, spec -> spec.withText("Nouvelle entreprise")));

        setValue(field("SIRET"), "123 456 789 00012");
        assertThat(field("SIRET").isInvalid()).as("checked as soon as typed").isTrue();
        assertThat(field("SIRET").getErrorMessage())
                .isEqualTo("Ce SIRET n’est pas valide : la clé de contrôle ne correspond pas. Vérifiez les chiffres saisis.");

        setValue(field("Raison sociale"), "Entreprise mal saisie " + token());
        setValue(field("Code postal"), "21000");
        _click(_get(Button.class, spec -> spec.withText("Créer")));

        assertThat(field("SIRET").isInvalid()).isTrue();
        assertThat(field("SIRET").getErrorMessage()).startsWith("Ce SIRET n’est pas valide");
        assertThat(_find(CompanyFormDialog.class)).as("the dialog stays open").hasSize(1);
        assertThat(companyService.count(CompanyFilter.none())).as("nothing saved").isEqualTo(before);

        setValue(field("SIRET"), "1234");
        assertThat(field("SIRET").getErrorMessage()).isEqualTo("Un SIRET compte 14 chiffres (les espaces sont acceptés).");
    }

    @Test
    void aReferentCreatesACompanyTypedWithSpacesAndFindsItInTheListWithoutAccents() {
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        long before = companyService.count(CompanyFilter.none());
        String word = token();
        String siret = newSiret();
        _click(_get(Button.class, spec -> spec.withText("Nouvelle entreprise")));

        setValue(field("SIRET"), spaced(siret));
        assertThat(field("SIRET").isInvalid()).isFalse();
        setValue(field("Raison sociale"), "Société Générale de Câblage " + word);
        setValue(naf(), referenceService.nafSubClass("42.22Z").orElseThrow());
        assertThat(naf().getHelperText()).isEqualTo("Secteur : F – Construction");
        setValue(workforce(), WorkforceBracket.FROM_10);
        setValue(field("Adresse"), "3 rue de la Gare");
        setValue(field("Code postal"), "21000");
        assertThat(department().getValue()).as("taken from the postcode").extracting(DepartmentSummary::code).isEqualTo("21");
        setValue(field("Commune"), "Dijon");
        setValue(field("Site web"), "www.cablage-" + word + ".fr");
        setValue(labels(), Set.of(CompanyLabel.INCLUSIVE_COMPANY));
        save("Créer");

        assertThat(_find(CompanyFormDialog.class)).isEmpty();
        assertThat(notificationTexts()).contains("Entreprise « Société Générale de Câblage " + word + " » créée.");
        assertThat(companyService.count(CompanyFilter.none())).isEqualTo(before + 1);

        setValue(CompanyListViewTest.search(), "societe generale de cablage " + word);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "siret")).isEqualTo(spaced(siret));
        assertThat(GridKt._getFormatted(grid(), 0, "owner")).as("the referent who created it").isEqualTo("Référent démo (Dijon)");
        CompanyDetails saved = companyService.require(GridKt._get(grid(), 0).id());
        assertThat(saved.siret()).isEqualTo(siret);
        assertThat(saved.nafCode()).isEqualTo("42.22Z");
        assertThat(saved.workforceBracket()).isEqualTo(WorkforceBracket.FROM_10);
        assertThat(saved.website()).isEqualTo("https://www.cablage-" + word + ".fr");
        assertThat(saved.labels()).containsExactly(CompanyLabel.INCLUSIVE_COMPANY);
        assertThat(saved.dispCode()).isEqualTo("DISP DIJON");
    }

    @Test
    void aSecondCompanyWithTheSameSirenIsFlaggedBeforeItIsCreated() {
        signIn("admin");
        String word = token();
        String first = newSiret();
        CompanyDetails existing = createCompany(new CompanyDraft(first, "Bâtiments du Morvan " + word, null, null, null, null,
                "58000", "Nevers", null, null, Set.of(), null));
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        long before = companyService.count(CompanyFilter.none());
        _click(_get(Button.class, spec -> spec.withText("Nouvelle entreprise")));

        setValue(field("SIRET"), spaced(siretOf(first.substring(0, 9))));
        DuplicateWarning warning = _get(DuplicateWarning.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getElement().getAttribute("role")).isEqualTo("alert");
        String text = warning.getElement().getTextRecursively();
        assertThat(text).contains("Doublons possibles", "Bâtiments du Morvan " + word, spaced(first), "Nevers (58)", "même SIREN");
        assertThat(_find(warning, Button.class, spec -> spec.withText("Bâtiments du Morvan " + word))).hasSize(1);

        setValue(field("Raison sociale"), "Bâtiments du Morvan, agence de Dijon " + word);
        setValue(field("Code postal"), "21000");
        assertThat(companyService.count(CompanyFilter.none())).isEqualTo(before);
        _click(_get(Button.class, spec -> spec.withText("Créer quand même")));

        assertThat(_find(CompanyFormDialog.class)).isEmpty();
        assertThat(companyService.count(CompanyFilter.none())).isEqualTo(before + 1);
        assertThat(companyService.findDuplicates(first, "x", null, existing.id())).extracting(d -> d.legalName())
                .contains("Bâtiments du Morvan, agence de Dijon " + word);
    }

    @Test
    void aDuplicateFoundOnlyWhenSavingStopsTheFirstClick() {
        signIn("admin");
        String word = token();
        createCompany(newSiret(), "Peintures Bourguignonnes " + word, "21");
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        long before = companyService.count(CompanyFilter.none());
        _click(_get(Button.class, spec -> spec.withText("Nouvelle entreprise")));

        setValue(field("SIRET"), newSiret());
        // The department comes from the postcode only when saving: the similar name is found then.
        var dialog = _get(CompanyFormDialog.class);
        setValue(field("Raison sociale"), "Peintures Bourguignonnes " + word);
        assertThat(_find(DuplicateWarning.class)).as("no department yet: nothing to compare the name with").isEmpty();
        setValue(field("Code postal"), "21000");
        department().clear();
        _click(_get(Button.class, spec -> spec.withText("Créer")));

        assertThat(dialog.isOpened()).isTrue();
        assertThat(_get(DuplicateWarning.class).getElement().getTextRecursively()).contains("nom proche dans le même département");
        assertThat(companyService.count(CompanyFilter.none())).as("not saved before the warning is read").isEqualTo(before);
        _click(_get(Button.class, spec -> spec.withText("Créer quand même")));
        assertThat(companyService.count(CompanyFilter.none())).isEqualTo(before + 1);
    }

    @Test
    void aReferentCannotEditACompanyOfAnotherDisp() {
        signIn("admin");
        CompanyDetails paris = createCompany(newSiret(), "Logistique Parisienne " + token(), "75");
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        CompanyDetails seen = companyService.require(paris.id());
        assertThat(seen.editable()).isFalse();

        var dialog = new CompanyFormDialog(companyService, mergeService, referenceService, staffDirectory, seen, saved -> { });
        dialog.open();

        assertThat(_get(dialog, com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("form-access-message")).getText())
                .isEqualTo("Vous ne pouvez pas modifier cette entreprise : elle relève de la DISP PARIS, et seuls un administrateur "
                        + "ou un référent de cette DISP peuvent la modifier.");
        assertThat(field("Raison sociale").isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("Enregistrer"))).as("no save button").isEmpty();
        assertThatThrownBy(() -> companyService.update(paris.id(), seen.version(), new CompanyDraft(seen.siret(), "Changé",
                null, null, null, null, null, null, "75", null, Set.of(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(companyService.require(paris.id()).legalName()).as("nothing saved").isEqualTo(paris.legalName());
    }

    @Test
    void movingACompanyToAnotherDispIsRefusedWithAnExplanation() {
        signIn("referent");
        CompanyDetails own = createCompany(newSiret(), "Menuiserie Dijonnaise " + token(), "21");
        UI.getCurrent().navigate(CompanyListView.class);
        new CompanyFormDialog(companyService, mergeService, referenceService, staffDirectory, own, saved -> { }).open();

        setValue(department(), department().getListDataView().getItems().filter(d -> d.code().equals("75")).findFirst().orElseThrow());
        save("Enregistrer");

        assertThat(notificationTexts()).contains("Vous ne pouvez pas enregistrer cette entreprise : seuls un administrateur "
                + "ou un référent de la DISP de l’entreprise peuvent la modifier.");
        assertThat(_find(CompanyFormDialog.class)).hasSize(1);
        assertThat(companyService.require(own.id()).departmentCode()).isEqualTo("21");
    }

    @Test
    void anEditShowsTheCompanyAndDoesNotOverwriteAChangeMadeMeanwhile() {
        signIn("admin");
        String word = token();
        CompanyDetails company = createCompany(new CompanyDraft(newSiret(), "Carrières de Bourgogne " + word, null, "08.12Z",
                WorkforceBracket.FROM_50, null, "21000", "Dijon", null, "https://carrieres.example.fr", Set.of(CompanyLabel.SOCIAL_ECONOMY),
                null));
        UI.getCurrent().navigate(CompanyListView.class);
        var saved = new java.util.ArrayList<CompanyDetails>();
        new CompanyFormDialog(companyService, mergeService, referenceService, staffDirectory, company, saved::add).open();

        assertThat(field("SIRET").getValue()).isEqualTo(spaced(company.siret()));
        assertThat(naf().getValue()).extracting(NafSubClass::code).isEqualTo("08.12Z");
        assertThat(naf().getHelperText()).startsWith("Secteur : B");
        assertThat(workforce().getValue()).isEqualTo(WorkforceBracket.FROM_50);
        assertThat(department().getValue()).extracting(DepartmentSummary::code).isEqualTo("21");
        assertThat(labels().getValue()).containsExactly(CompanyLabel.SOCIAL_ECONOMY);

        setValue(field("Nom commercial"), "CDB");
        save("Enregistrer");
        assertThat(saved).singleElement().satisfies(s -> assertThat(s.tradeName()).isEqualTo("CDB"));
        assertThat(notificationTexts()).contains("Modifications de « Carrières de Bourgogne " + word + " » enregistrées.");

        CompanyDetails stale = saved.getFirst();
        CompanyDraft d = stale.toDraft();
        companyService.update(stale.id(), stale.version(), new CompanyDraft(d.siret(), d.legalName(), d.tradeName(), d.nafCode(),
                d.workforceBracket(), d.street(), d.postcode(), "Dijon-Centre", d.departmentCode(), d.website(), d.labels(), d.ownerId()));
        new CompanyFormDialog(companyService, mergeService, referenceService, staffDirectory, stale, s -> { }).open();
        setValue(field("Nom commercial"), "Carrières CDB");
        save("Enregistrer");
        assertThat(notificationTexts()).contains("Quelqu’un a modifié cette fiche entre-temps. Rechargez-la pour voir ses changements ; rien n’a été écrasé.");
        assertThat(companyService.require(company.id()).tradeName()).isEqualTo("CDB");
    }

    /** Saves, confirming the duplicate warning if companies made by other tests happen to look alike. */
    private static void save(String text) {
        _click(_get(Button.class, spec -> spec.withText(text)));
        _find(Button.class, spec -> spec.withText(text.equals("Créer") ? "Créer quand même" : "Enregistrer quand même"))
                .forEach(b -> _click(b));
    }

    static TextField field(String label) {
        return _get(_get(CompanyFormDialog.class), TextField.class, spec -> spec.withLabel(label));
    }

    @SuppressWarnings("unchecked")
    static ComboBox<NafSubClass> naf() {
        return _get(_get(CompanyFormDialog.class), ComboBox.class, spec -> spec.withLabel("Code NAF"));
    }

    @SuppressWarnings("unchecked")
    static ComboBox<DepartmentSummary> department() {
        return _get(_get(CompanyFormDialog.class), ComboBox.class, spec -> spec.withLabel("Département"));
    }

    @SuppressWarnings("unchecked")
    static Select<WorkforceBracket> workforce() {
        return _get(_get(CompanyFormDialog.class), Select.class, spec -> spec.withLabel("Tranche d’effectif"));
    }

    @SuppressWarnings("unchecked")
    static CheckboxGroup<CompanyLabel> labels() {
        return _get(_get(CompanyFormDialog.class), CheckboxGroup.class, spec -> spec.withLabel("Labels"));
    }
}

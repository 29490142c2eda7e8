package fr.passerelle.partner.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import fr.passerelle.partner.ActivityService;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.CompanyMergeService;
import fr.passerelle.partner.ContactDraft;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.InteractionDraft;
import fr.passerelle.partner.InteractionKind;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.partner.TaskDraft;
import fr.passerelle.partner.TaskService;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MergeDialogTest extends CompanyUiTest {

    @Autowired
    ContactService contactService;
    @Autowired
    TaskService taskService;
    @Autowired
    ActivityService activityService;
    @Autowired
    CompanyMergeService mergeService;
    @Autowired
    ReferenceService referenceService;
    @Autowired
    StaffDirectory staffDirectory;

    /** Two companies of one SIREN in Saône-et-Loire; the second has a contact, a task, a call, a website and a label. */
    record Pair(CompanyDetails kept, CompanyDetails duplicate, ContactSummary contact, String word) {
    }

    Pair duplicates() {
        signIn("admin");
        String word = token();
        String siret = newSiret();
        CompanyDetails kept = createCompany(new CompanyDraft(siret, "Travaux Publics de Saône " + word, null, null, null, null,
                "71100", "Chalon-sur-Saône", null, null, Set.of(), null));
        CompanyDetails duplicate = createCompany(new CompanyDraft(siretOf(siret.substring(0, 9)), "TP de Saône " + word, null,
                "42.21Z", null, null, "71100", "Chalon-sur-Saône", null, "https://tps.example.fr", Set.of(CompanyLabel.PRODUIT_EN_PRISON),
                null));
        ContactSummary contact = contactService.add(duplicate.id(), new ContactDraft("Claire", "Martin", "DRH",
                "claire.martin@tps.example.fr", "06 12 34 56 78", true, EmailStatus.ACTIVE));
        taskService.create(new TaskDraft("Rappeler Claire Martin", java.time.LocalDate.now().plusDays(7), null, duplicate.id()));
        activityService.logInteraction(duplicate.id(), new InteractionDraft(InteractionKind.CALL, LocalDateTime.now().minusHours(2).withNano(0),
                contact.id(), "Premier appel"));
        companyService.moveStage(duplicate.id(), PipelineStage.CONTACTED, null);
        return new Pair(kept, duplicate, contact, word);
    }

    @Test
    void aReferentMergesTwoSelectedCompaniesAfterAPreview() {
        Pair pair = duplicates();
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        setValue(CompanyListViewTest.dispFilter(), null);
        setValue(CompanyListViewTest.search(), pair.word());
        assertThat(GridKt._size(grid())).isEqualTo(2);
        Button merge = _get(Button.class, spec -> spec.withText("Fusionner…"));
        assertThat(merge.isEnabled()).as("two companies must be ticked").isFalse();

        grid().asMultiSelect().select(GridKt._findAll(grid()));
        assertThat(merge.isEnabled()).isTrue();
        _click(merge);

        MergeDialog dialog = _get(MergeDialog.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<CompanyDetails> kept = _get(dialog, RadioButtonGroup.class, spec -> spec.withLabel("Entreprise conservée"));
        assertThat(kept.getValue().id()).as("the older one is proposed").isEqualTo(pair.kept().id());
        assertThat(_get(dialog, UnorderedList.class, spec -> spec.withClasses("merge-counts")).getElement().getTextRecursively())
                .contains("1 contact", "Aucun engagement", "1 interaction", "1 tâche", "2 changements d’étape");
        assertThat(row(dialog, "partner.field.website").getElement().getTextRecursively())
                .isEqualTo("Site web—https://tps.example.frhttps://tps.example.frrepris du doublon");
        assertThat(_find(row(dialog, "partner.field.naf"), com.vaadin.flow.component.html.NativeTableCell.class,
                spec -> spec.withClasses("filled-from-duplicate"))).hasSize(1);
        assertThat(_find(row(dialog, "partner.field.legal-name"), com.vaadin.flow.component.html.NativeTableCell.class,
                spec -> spec.withClasses("filled-from-duplicate"))).as("the kept company's own name stays").isEmpty();

        _click(_get(dialog, Button.class, spec -> spec.withText("Fusionner")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Fusionner définitivement ?");
        assertThat(companyService.get(pair.duplicate().id())).as("nothing before the confirmation").isPresent();
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(companyService.get(pair.duplicate().id())).as("the duplicate is gone").isEmpty();
        assertThat(contactService.ofCompany(pair.kept().id())).extracting(ContactSummary::id).containsExactly(pair.contact().id());
        CompanyDetails merged = companyService.require(pair.kept().id());
        assertThat(merged.website()).isEqualTo("https://tps.example.fr");
        assertThat(merged.labels()).containsExactly(CompanyLabel.PRODUIT_EN_PRISON);
        assertThat(notificationTexts()).contains("« TP de Saône " + pair.word() + " » a été fusionnée dans « Travaux Publics de Saône "
                + pair.word() + " ».");
        assertThat(currentPath()).as("the kept company is opened").isEqualTo("entreprises/" + pair.kept().id());
    }

    @Test
    void theCompanyKeptCanBeSwappedAndCancellingChangesNothing() {
        Pair pair = duplicates();
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        new MergeDialog(mergeService, pair.kept().id(), pair.duplicate().id(), kept -> { }).open();
        MergeDialog dialog = _get(MergeDialog.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<CompanyDetails> kept = _get(dialog, RadioButtonGroup.class, spec -> spec.withLabel("Entreprise conservée"));

        setValue(kept, kept.getListDataView().getItems().filter(c -> c.id() == pair.duplicate().id()).findFirst().orElseThrow());
        assertThat(_get(dialog, UnorderedList.class, spec -> spec.withClasses("merge-counts")).getElement().getTextRecursively())
                .as("what the other one brings").contains("Aucun contact", "Aucune tâche", "1 changement d’étape");
        assertThat(dialog.getElement().getTextRecursively()).contains("Conservée : TP de Saône " + pair.word());

        _click(_get(dialog, Button.class, spec -> spec.withText("Annuler")));
        assertThat(companyService.get(pair.kept().id())).isPresent();
        assertThat(companyService.get(pair.duplicate().id())).isPresent();
    }

    @Test
    void aReferentCannotMergeACompanyOfAnotherDisp() {
        signIn("admin");
        String word = token();
        CompanyDetails dijon = createCompany(newSiret(), "Scierie " + word, "21");
        CompanyDetails paris = createCompany(newSiret(), "Scierie de Paris " + word, "75");
        signIn("referent");
        UI.getCurrent().navigate(CompanyListView.class);
        setValue(CompanyListViewTest.dispFilter(), null);
        setValue(CompanyListViewTest.search(), word);
        grid().asMultiSelect().select(GridKt._findAll(grid()));
        _click(_get(Button.class, spec -> spec.withText("Fusionner…")));

        MergeDialog dialog = _get(MergeDialog.class);
        assertThat(_get(dialog, Paragraph.class, spec -> spec.withClasses("form-access-message")).getText())
                .isEqualTo("Vous ne pouvez fusionner que des entreprises de votre DISP ; un administrateur peut fusionner celles des autres DISP.");
        assertThat(_get(dialog, Button.class, spec -> spec.withText("Fusionner")).isEnabled()).isFalse();
        assertThat(companyService.get(dijon.id())).isPresent();
        assertThat(companyService.get(paris.id())).isPresent();
    }

    @Test
    void aDuplicateFoundWhileEditingCanBeMergedFromTheWarning() {
        Pair pair = duplicates();
        UI.getCurrent().navigate(CompanyListView.class);
        new CompanyFormDialog(companyService, mergeService, referenceService, staffDirectory, pair.kept(), saved -> { }).open();

        setValue(CompanyFormDialogTest.field("Raison sociale"), "Travaux Publics de la Saône " + pair.word());
        DuplicateWarning warning = _get(DuplicateWarning.class);
        assertThat(warning.getElement().getTextRecursively()).contains("TP de Saône " + pair.word(), "même SIREN");
        _click(_get(warning, Button.class, spec -> spec.withAttribute("aria-label", "Fusionner avec TP de Saône " + pair.word())));

        _click(_get(_get(MergeDialog.class), Button.class, spec -> spec.withText("Fusionner")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(companyService.get(pair.duplicate().id())).isEmpty();
        assertThat(_find(CompanyFormDialog.class)).as("the form closes: the company has changed").isEmpty();
        assertThat(currentPath()).isEqualTo("entreprises/" + pair.kept().id());
    }

    private static NativeTableRow row(MergeDialog dialog, String field) {
        return _get(dialog, NativeTableRow.class, spec -> spec.withAttribute("data-field", field));
    }
}

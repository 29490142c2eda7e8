package fr.passerelle.partner.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.ActivityService;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.ContactDraft;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.EngagementDraft;
import fr.passerelle.partner.EngagementService;
import fr.passerelle.partner.EngagementStatus;
import fr.passerelle.partner.EngagementSummary;
import fr.passerelle.partner.EngagementSummary.EstablishmentRef;
import fr.passerelle.partner.EngagementType;
import fr.passerelle.partner.InteractionDraft;
import fr.passerelle.partner.InteractionKind;
import fr.passerelle.partner.LuhnSirets;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.security.StaffMember;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.TaskDraft;
import fr.passerelle.partner.TaskService;
import fr.passerelle.partner.TaskSummary;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.ui.LoginView;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

class CompanyDetailViewTest extends KaribuTest {

    @Autowired
    CompanyService companies;

    @Autowired
    ContactService contacts;

    @Autowired
    EngagementService engagements;

    @Autowired
    ActivityService activity;

    @Autowired
    TaskService tasks;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    ReferenceService reference;

    @Test
    void aReferentOpensACompanyOfTheirDispWithItsHeaderAndEveryTab() {
        signIn("referent");
        var draft = LuhnSirets.company("Travaux Publics de Bourgogne", "21");
        CompanyDetails company = companies.create(new fr.passerelle.partner.CompanyDraft(draft.siret(), draft.legalName(), "TPB",
                "42.21Z", null, "3 rue des Forges", "21000", "Dijon", "21", "tpb.example.fr", Set.of(), null), CompanySource.MANUAL);

        open(company.id());

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("TPB (Travaux Publics de Bourgogne)");
        assertThat(text(_get(CompanyHeader.class)))
                .contains(company.siret().substring(0, 3) + " " + company.siret().substring(3, 6))
                .contains("42.21Z – ").contains("Secteur").contains("F – ")
                .contains("3 rue des Forges, 21000 Dijon").contains("21 – Côte-d").contains("DISP DIJON")
                .contains("Référent démo (Dijon)").contains("Saisie manuelle")
                .doesNotContain("Lecture seule");
        assertThat(_get(Anchor.class, spec -> spec.withText("https://tpb.example.fr")).getHref()).isEqualTo("https://tpb.example.fr");
        assertThat(stageBadge()).isEqualTo("Prospect");
        assertThat(tabLabels()).as("the offers module adds its tab through the company-page port, placed by its order")
                .containsExactly("Contacts", "Engagements", "Offres", "Fil d’activité", "Tâches", "Historique");
        _get(Button.class, spec -> spec.withText("Changer d’étape"));
        _click(_get(Button.class, spec -> spec.withText("Modifier")));
        assertThat(_get(CompanyFormDialog.class).isOpened()).as("the edit form opens on the company").isTrue();
    }

    @Test
    void theEditButtonHandsTheCompanyToTheEditAction() {
        long company = dijonCompany("Modification SARL");
        open(company);
        var view = (CompanyDetailView) UI.getCurrent().getCurrentView();
        var edited = new java.util.concurrent.atomic.AtomicReference<CompanyDetails>();
        view.editAction = edited::set;
        view.reload();

        _click(_get(Button.class, spec -> spec.withText("Modifier")));
        assertThat(edited.get().id()).isEqualTo(company);
    }

    @Test
    void aReferentAddsContactsWithFrenchPhonesStoredInternationally() {
        long company = dijonCompany("Contacts et Cie");
        open(company);

        addContact("Dupont", "06 12 34 56 78");
        addContact("Durand", "+33 6 98 76 54 32");
        addContact("Martin", "0033 1 23 45 67 89");

        Grid<ContactSummary> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(List.of(GridKt._getFormatted(grid, 0, "phone"), GridKt._getFormatted(grid, 1, "phone"), GridKt._getFormatted(grid, 2, "phone")))
                .containsExactlyInAnyOrder("06 12 34 56 78", "06 98 76 54 32", "01 23 45 67 89");
        assertThat(contacts.ofCompany(company)).extracting(ContactSummary::phone)
                .containsExactlyInAnyOrder("+33612345678", "+33698765432", "+33123456789");
        assertThat(contacts.ofCompany(company)).filteredOn(ContactSummary::primary).extracting(ContactSummary::lastName)
                .as("the first contact becomes the primary one").containsExactly("Dupont");
        assertThat(text(GridKt._getCellComponent(grid, 0, "primary"))).isEmpty();
    }

    @Test
    void aBadPhoneOrEmailIsShownNextToItsField() {
        open(dijonCompany("Erreurs SARL"));
        _click(_get(Button.class, spec -> spec.withText("Ajouter un contact")));
        _get(TextField.class, spec -> spec.withLabel("Nom")).setValue("Dupont");
        _get(TextField.class, spec -> spec.withLabel("Téléphone")).setValue("12 34");
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));

        TextField phone = _get(TextField.class, spec -> spec.withLabel("Téléphone"));
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("Numéro de téléphone invalide");
        assertThat(_find(ContactDialog.class)).as("the dialog stays open").hasSize(1);
    }

    @Test
    void aReferentEditsAndDeletesAContactAfterConfirming() {
        long company = dijonCompany("Suppression SARL");
        contacts.add(company, new ContactDraft("Jean", "Dupont", "Directeur", "jean.dupont@example.fr", "+33612345678", true,
                EmailStatus.ACTIVE));
        open(company);

        Grid<ContactSummary> grid = grid();
        assertThat(_get(GridKt._getCellComponent(grid, 0, "email"), Anchor.class).getHref()).isEqualTo("mailto:jean.dupont@example.fr");
        assertThat(text(GridKt._getCellComponent(grid, 0, "emailStatus"))).isEqualTo("Actif");
        _click(_get(GridKt._getCellComponent(grid, 0, "actions"), Button.class, spec -> spec.withPredicate(
                b -> "Modifier Jean Dupont".equals(b.getAriaLabel().orElse(null)))));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Téléphone")).getValue()).isEqualTo("06 12 34 56 78");
        _get(TextField.class, spec -> spec.withLabel("Fonction")).setValue("Directrice des ressources humaines");
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(GridKt._getFormatted(grid, 0, "jobTitle")).isEqualTo("Directrice des ressources humaines");

        _click(_get(GridKt._getCellComponent(grid, 0, "actions"), Button.class, spec -> spec.withPredicate(
                b -> "Supprimer Jean Dupont".equals(b.getAriaLabel().orElse(null)))));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._size(grid)).isZero();
        assertThat(contacts.ofCompany(company)).isEmpty();
    }

    @Test
    void aReferentLogsAnInteractionThatTopsTheTimeline() {
        long company = dijonCompany("Interactions SA");
        contacts.add(company, new ContactDraft("Léa", "Bernard", null, null, null, true, EmailStatus.ACTIVE));
        activity.logInteraction(company, new InteractionDraft(InteractionKind.EMAIL, LocalDateTime.now(DisplayFormats.PARIS).minusDays(2),
                null, "Envoi de la plaquette"));
        open(company);
        selectTab("Fil d’activité");

        @SuppressWarnings("unchecked")
        ComboBox<ContactSummary> contact = _get(ComboBox.class, spec -> spec.withLabel("Avec"));
        contact.setValue(contact.getListDataView().getItems().findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Select<InteractionKind> kind = _get(Select.class, spec -> spec.withLabel("Type d’interaction"));
        kind.setValue(InteractionKind.ESTABLISHMENT_VISIT);
        _get(TextArea.class, spec -> spec.withLabel("Résumé")).setValue("Visite du CP de Dijon : atelier possible en 2027.");
        _click(_get(Button.class, spec -> spec.withText("Noter l’interaction")));

        List<String> timeline = timeline();
        assertThat(timeline.getFirst()).contains("Visite d’établissement avec Léa Bernard")
                .contains("Visite du CP de Dijon : atelier possible en 2027.").contains("Référent démo (Dijon)");
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(1)).contains("Créée à l’étape Prospect");
        assertThat(timeline.get(2)).as("by when it happened, not when it was noted").contains("E-mail").contains("Envoi de la plaquette");
        TextArea summary = _get(TextArea.class, spec -> spec.withLabel("Résumé"));
        assertThat(summary.getValue()).as("the form is ready for the next one").isEmpty();
        assertThat(summary.isInvalid()).as("an emptied form is not an error").isFalse();
    }

    @Test
    void anInteractionWithoutSummaryIsRefusedNextToTheField() {
        open(dijonCompany("Résumé SARL"));
        selectTab("Fil d’activité");
        _click(_get(Button.class, spec -> spec.withText("Noter l’interaction")));

        TextArea summary = _get(TextArea.class, spec -> spec.withLabel("Résumé"));
        assertThat(summary.isInvalid()).isTrue();
        assertThat(summary.getErrorMessage()).isEqualTo("Le résumé est obligatoire.");
    }

    @Test
    void decliningNeedsAReasonThenTheBadgeAndTheTimelineShowTheMove() {
        long company = dijonCompany("Refus SAS");
        open(company);

        _click(_get(Button.class, spec -> spec.withText("Changer d’étape")));
        @SuppressWarnings("unchecked")
        Select<PipelineStage> stage = _get(Select.class, spec -> spec.withLabel("Étape"));
        stage.setValue(PipelineStage.DECLINED);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        TextArea reason = _get(TextArea.class, spec -> spec.withLabel("Motif du refus"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Indiquez le motif du refus.");
        assertThat(companies.require(company).stage()).isEqualTo(PipelineStage.PROSPECT);

        reason.setValue("Pas de besoin avant 2028");
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(_find(StageDialog.class)).isEmpty();
        assertThat(stageBadge()).isEqualTo("A décliné");
        assertThat(text(_get(CompanyHeader.class))).contains("Motif du refus : Pas de besoin avant 2028");
        assertThat(companies.require(company).stage()).isEqualTo(PipelineStage.DECLINED);

        selectTab("Fil d’activité");
        assertThat(timeline().getFirst()).contains("Prospect → A décliné, motif : Pas de besoin avant 2028");
    }

    @Test
    void aReferentCreatesATaskAndCompletesIt() {
        long company = dijonCompany("Tâches SARL");
        open(company);
        selectTab("Tâches");

        _get(TextField.class, spec -> spec.withLabel("Tâche")).setValue("Relancer après le salon");
        _get(DatePicker.class, spec -> spec.withLabel("Échéance")).setValue(LocalDate.of(2030, 1, 15));
        _click(_get(Button.class, spec -> spec.withText("Nouvelle tâche")));

        Grid<TaskSummary> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "title")).isEqualTo("Relancer après le salon");
        assertThat(GridKt._getFormatted(grid, 0, "dueDate")).isEqualTo("15/01/2030");
        assertThat(GridKt._getFormatted(grid, 0, "assignee")).isEqualTo("Référent démo (Dijon)");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Tâche")).isInvalid()).isFalse();

        ((Checkbox) GridKt._getCellComponent(grid, 0, "done")).setValue(true);
        assertThat(tasks.ofCompany(company)).singleElement().satisfies(t -> assertThat(t.done()).isTrue());
        assertThat(((Checkbox) GridKt._getCellComponent(grid, 0, "done")).getValue()).isTrue();

        ((Checkbox) GridKt._getCellComponent(grid, 0, "done")).setValue(false);
        assertThat(tasks.ofCompany(company)).singleElement().satisfies(t -> assertThat(t.done()).isFalse());
    }

    @Test
    void aTaskCanBeGivenToAnotherStaffMemberButNotToTheCommunicationTeam() {
        long company = dijonCompany("Relais SARL");
        open(company);
        selectTab("Tâches");

        @SuppressWarnings("unchecked")
        ComboBox<StaffMember> assignee = _get(ComboBox.class, spec -> spec.withLabel("Attribuée à"));
        assertThat(assignee.getValue().displayName()).isEqualTo("Référent démo (Dijon)");
        assertThat(assignee.getListDataView().getItems().map(StaffMember::displayName))
                .contains("Administratrice démo", "Référent démo (Dijon)").doesNotContain("Communication démo");
        assignee.setValue(assignee.getListDataView().getItems().filter(p -> p.displayName().equals("Administratrice démo"))
                .findFirst().orElseThrow());
        _get(TextField.class, spec -> spec.withLabel("Tâche")).setValue("Préparer la convention");
        _click(_get(Button.class, spec -> spec.withText("Nouvelle tâche")));

        assertThat(GridKt._getFormatted(grid(), 0, "assignee")).isEqualTo("Administratrice démo");
        long communication = jdbc.sql("select id from app_user where username = 'communication'").query(Long.class).single();
        assertThatThrownBy(() -> tasks.create(new TaskDraft("Pour la com", LocalDate.now(), communication, company)))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.field()).isEqualTo("assignee");
                    assertThat(e.messageKey()).isEqualTo("partner.error.task-assignee-unknown");
                });
    }

    @Test
    void openTasksComeFirstAndOverdueOnesAreMarked() {
        long company = dijonCompany("Retards SARL");
        LocalDate lastWeek = DisplayFormats.today().minusWeeks(1);
        TaskSummary done = tasks.create(new TaskDraft("Envoyer la convention", lastWeek.minusDays(3), null, company));
        tasks.complete(done.id());
        tasks.create(new TaskDraft("Appeler la DRH", lastWeek, null, company));
        tasks.create(new TaskDraft("Préparer la visite", DisplayFormats.today().plusDays(10), null, company));
        open(company);
        selectTab("Tâches");

        Grid<TaskSummary> grid = grid();
        assertThat(GridKt._getFormatted(grid, 0, "title")).isEqualTo("Appeler la DRH");
        assertThat(GridKt._getFormatted(grid, 0, "dueDate")).isEqualTo(DisplayFormats.date(lastWeek) + " – en retard");
        assertThat(GridKt._getFormatted(grid, 1, "title")).isEqualTo("Préparer la visite");
        assertThat(GridKt._getFormatted(grid, 2, "title")).isEqualTo("Envoyer la convention");
        assertThat(GridKt._getFormatted(grid, 2, "dueDate")).as("a done task is not overdue").doesNotContain("retard");
    }

    @Test
    void aWorkshopNeedsAnEstablishmentThenIsListed() {
        long company = dijonCompany("Atelier Bourguignon");
        EstablishmentSummary dijon = reference.establishments(EstablishmentFilter.ofDisp("DISP DIJON"), PageRequest.of(0, 1)).getFirst();
        open(company);
        selectTab("Engagements");
        _click(_get(Button.class, spec -> spec.withText("Ajouter un engagement")));

        @SuppressWarnings("unchecked")
        Select<EngagementType> type = _get(Select.class, spec -> spec.withLabel("Type d’engagement"));
        assertThat(type.getValue()).isEqualTo(EngagementType.WORKSHOP);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<EstablishmentRef> establishments = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Établissements"));
        assertThat(establishments.isInvalid()).isTrue();
        assertThat(establishments.getErrorMessage()).isEqualTo("Un atelier en concession se tient dans au moins un établissement.");

        establishments.setValue(Set.of(new EstablishmentRef(dijon.id(), dijon.name())));
        _get(DatePicker.class, spec -> spec.withLabel("Début")).setValue(LocalDate.of(2027, 3, 1));
        _get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("Effectif ou postes")).setValue(12);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));

        Grid<EngagementSummary> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "type")).isEqualTo("Atelier en concession");
        assertThat(GridKt._getFormatted(grid, 0, "establishments")).isEqualTo(dijon.name());
        assertThat(GridKt._getFormatted(grid, 0, "period")).isEqualTo("depuis le 01/03/2027");
        assertThat(GridKt._getFormatted(grid, 0, "headcount")).isEqualTo("12");
        assertThat(text(GridKt._getCellComponent(grid, 0, "status"))).isEqualTo("Prévu");
        assertThat(engagements.ofCompany(company)).singleElement()
                .satisfies(e -> assertThat(e.establishments()).extracting(EstablishmentRef::id).containsExactly(dijon.id()));

        selectTab("Fil d’activité");
        assertThat(timeline().getFirst()).contains("Engagement ajouté : Atelier en concession (Prévu)");
    }

    @Test
    void theEstablishmentSearchStartsInTheCompanysDisp() {
        long company = dijonCompany("Recherche SARL");
        open(company);
        selectTab("Engagements");
        _click(_get(Button.class, spec -> spec.withText("Ajouter un engagement")));

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<EstablishmentRef> establishments = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Établissements"));
        long dijon = reference.countEstablishments(EstablishmentFilter.ofDisp("DISP DIJON"));
        assertThat(establishments.getLazyDataView().getItems().count()).isEqualTo(dijon);
        _get(Checkbox.class, spec -> spec.withLabel("Chercher seulement dans la DISP DIJON")).setValue(false);
        assertThat(establishments.getLazyDataView().getItems().count()).isGreaterThan(dijon);
    }

    @Test
    void theHistoryShowsWhoChangedWhat() {
        long company = dijonCompany("Historique Bourgogne");
        contacts.add(company, new ContactDraft("Paul", "Lefèvre", null, null, "06 11 22 33 44", true, EmailStatus.ACTIVE));
        companies.moveStage(company, PipelineStage.CONTACTED, null);
        open(company);
        selectTab("Historique");

        List<String> history = items("history");
        assertThat(history).hasSize(3);
        assertThat(history.getFirst()).as("newest first").contains("Entreprise : modification").contains("Référent démo (Dijon)")
                .contains("Étape : Prospect → Contacté");
        assertThat(history).anySatisfy(entry -> assertThat(entry).contains("Contact Paul Lefèvre : création")
                .contains("Téléphone : (vide) → 06 11 22 33 44").contains("Contact principal : (vide) → oui")
                .doesNotContain("Entreprise :"));
        assertThat(history).last().asString().contains("Entreprise : création").contains("Raison sociale : (vide) → Historique Bourgogne")
                .contains("Référent : (vide) → Référent démo (Dijon)");
    }

    @Test
    void aReferentReadsACompanyOfAnotherDispAndTheServicesRefuseEdits() {
        signIn("admin");
        long paris = companies.create(LuhnSirets.company("Entreprise Parisienne", "75"), CompanySource.MANUAL).id();
        long contact = contacts.add(paris, new ContactDraft(null, "Petit", null, null, null, true, EmailStatus.ACTIVE)).id();
        signIn("referent");
        open(paris);

        assertThat(text(_get(CompanyHeader.class))).contains("Lecture seule : cette entreprise relève de la DISP PARIS.");
        assertThat(_find(Button.class, spec -> spec.withText("Changer d’étape"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Ajouter un contact"))).isEmpty();
        assertThat(GridKt._size(grid())).isEqualTo(1);
        selectTab("Engagements");
        assertThat(_find(Button.class, spec -> spec.withText("Ajouter un engagement"))).isEmpty();
        selectTab("Fil d’activité");
        assertThat(_find(TextArea.class, spec -> spec.withLabel("Résumé"))).isEmpty();
        assertThat(timeline()).hasSize(1);
        selectTab("Tâches");
        assertThat(_find(Button.class, spec -> spec.withText("Nouvelle tâche"))).isEmpty();

        assertThatThrownBy(() -> companies.moveStage(paris, PipelineStage.CONTACTED, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.add(paris, new ContactDraft(null, "Autre", null, null, null, false, EmailStatus.ACTIVE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.delete(contact)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engagements.add(paris, new EngagementDraft(EngagementType.POST_RELEASE_HIRING, EngagementStatus.PLANNED,
                Set.of(), null, null, null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activity.logInteraction(paris, new InteractionDraft(InteractionKind.CALL, LocalDateTime.now(), null, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tasks.create(new TaskDraft("x", LocalDate.now(), null, paris))).isInstanceOf(AccessDeniedException.class);
        assertThat(companies.require(paris).stage()).isEqualTo(PipelineStage.PROSPECT);
    }

    @Test
    void anAdministratorEditsACompanyOfAnyDisp() {
        signIn("admin");
        long lyon = companies.create(LuhnSirets.company("Entreprise Lyonnaise", "69"), CompanySource.MANUAL).id();
        open(lyon);

        assertThat(text(_get(CompanyHeader.class))).doesNotContain("Lecture seule").contains("DISP LYON");
        assertThat(tabLabels()).as("with the offers tab").hasSize(6);
        _click(_get(Button.class, spec -> spec.withText("Changer d’étape")));
        @SuppressWarnings("unchecked")
        Select<PipelineStage> stage = _get(Select.class, spec -> spec.withLabel("Étape"));
        stage.setValue(PipelineStage.IN_DISCUSSION);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(stageBadge()).isEqualTo("En discussion");
        _get(Button.class, spec -> spec.withText("Ajouter un contact"));
    }

    @Test
    void communicationSeesTheCompanyAndItsContactsOnly() {
        long company = dijonCompany("Communication SARL");
        contacts.add(company, new ContactDraft("Anne", "Roux", null, "anne.roux@example.fr", null, true, EmailStatus.UNSUBSCRIBED));
        signIn("communication");
        open(company);

        assertThat(tabLabels()).as("and the offers tab, which communication teams read").containsExactly("Contacts", "Offres");
        assertThat(text(_get(CompanyHeader.class))).contains("Lecture seule : cette entreprise relève de la DISP DIJON.");
        assertThat(_find(Button.class, spec -> spec.withText("Changer d’étape"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Ajouter un contact"))).isEmpty();
        Grid<ContactSummary> grid = grid();
        assertThat(GridKt._getFormatted(grid, 0, "name")).isEqualTo("Anne Roux");
        assertThat(text(GridKt._getCellComponent(grid, 0, "emailStatus"))).isEqualTo("Désinscrit");
        assertThat(grid.getColumnByKey("actions")).isNull();
    }

    @Test
    void anUnknownCompanyShowsAMessageAndTheWayBack() {
        signIn("referent");
        for (String id : new String[] {"999999999", "pas-un-numero"}) {
            UI.getCurrent().navigate("entreprises/" + id);

            assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CompanyDetailView.class);
            assertThat(_get(Paragraph.class, spec -> spec.withText("Cette entreprise n’existe plus (elle a peut-être été fusionnée).")))
                    .isNotNull();
            assertThat(_get(Anchor.class, spec -> spec.withText("Retour à la liste des entreprises")).getHref()).isEqualTo("entreprises");
            assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Entreprise introuvable");
            assertThat(_find(TabSheet.class)).isEmpty();
        }
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        UI.getCurrent().navigate("entreprises/1");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    private long dijonCompany(String name) {
        signIn("referent");
        return companies.create(LuhnSirets.company(name, "21"), CompanySource.MANUAL).id();
    }

    private void open(long companyId) {
        UI.getCurrent().navigate("entreprises/" + companyId);
        MockVaadin.clientRoundtrip(false);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CompanyDetailView.class);
    }

    private void addContact(String lastName, String phone) {
        _click(_get(Button.class, spec -> spec.withText("Ajouter un contact")));
        _get(TextField.class, spec -> spec.withLabel("Nom")).setValue(lastName);
        _get(TextField.class, spec -> spec.withLabel("Téléphone")).setValue(phone);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(_find(ContactDialog.class)).as("the dialog closes once saved").isEmpty();
    }

    private void selectTab(String label) {
        TabSheet tabs = _get(TabSheet.class);
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTabAt(i).getElement().getTextRecursively().equals(label)) {
                tabs.setSelectedIndex(i);
                MockVaadin.clientRoundtrip(false);
                return;
            }
        }
        throw new AssertionError("No tab " + label + " among " + tabLabels());
    }

    private List<String> tabLabels() {
        TabSheet tabs = _get(TabSheet.class);
        return java.util.stream.IntStream.range(0, tabs.getTabCount())
                .mapToObj(i -> tabs.getTabAt(i).getElement().getTextRecursively()).toList();
    }

    private String stageBadge() {
        return _get(Span.class, spec -> spec.withClasses("company-stage")).getText();
    }

    private List<String> timeline() {
        return items("timeline");
    }

    private List<String> items(String listClass) {
        UnorderedList list = _get(UnorderedList.class, spec -> spec.withClasses(listClass));
        return list.getChildren().map(ListItem.class::cast).map(CompanyDetailViewTest::text).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid() {
        return _get(Grid.class);
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}

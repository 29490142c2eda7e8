package fr.passerelle.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.passerelle.cohort.CohortFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.LYON_ESTABLISHMENT;
import static fr.passerelle.cohort.CohortFixtures.cohort;
import static fr.passerelle.cohort.CohortFixtures.participant;
import static fr.passerelle.cohort.CohortFixtures.programme;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.tabs.TabSheet;
import fr.passerelle.KaribuTest;
import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortFilter;
import fr.passerelle.cohort.CohortFixtures;
import fr.passerelle.cohort.CohortOfferService;
import fr.passerelle.cohort.CohortService;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.CohortSummary;
import fr.passerelle.cohort.ParticipantService;
import fr.passerelle.cohort.ParticipantSummary;
import fr.passerelle.cohort.ProgrammeService;
import fr.passerelle.cohort.ProgrammeSummary;
import fr.passerelle.cohort.Sector;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.ui.LoginView;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

class CohortUiTest extends KaribuTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    ParticipantService participants;
    @Autowired
    CohortOfferService cohortOffers;
    @Autowired
    ReferenceService reference;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    CohortFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CohortFixtures(jdbc, users);
    }

    @Test
    void aReferentStartsOnTheirDispAndTheFiltersLastForTheSession() {
        signIn("admin");
        ProgrammeSummary programme = programmes.create(programme(false));
        CohortDetails dijon = cohorts.create(cohort(programme.id(), fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 2, 1)));
        CohortDetails lyon = cohorts.create(cohort(programme.id(), fixtures.establishment(LYON_ESTABLISHMENT), LocalDate.of(2027, 3, 1)));
        signIn("referent");
        UI.getCurrent().navigate(CohortListView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Cohortes");
        CohortListView view = _get(CohortListView.class);
        assertThat(view.filter().dispCode()).isEqualTo("DISP DIJON");

        setValue(programmeFilter(), programme);
        assertThat(GridKt._findAll(view.grid)).extracting(CohortSummary::id).containsExactly(dijon.id());
        assertThat(GridKt._getFormatted(view.grid, 0, "capacity")).isEqualTo("0 / 9");
        setValue(dispFilter(), null);
        assertThat(GridKt._findAll(view.grid)).extracting(CohortSummary::id).containsExactly(lyon.id(), dijon.id());

        UI.getCurrent().navigate(ProgrammeListView.class);
        UI.getCurrent().navigate(CohortListView.class);
        assertThat(_get(CohortListView.class).filter()).as("remembered").isEqualTo(new CohortFilter(null, null, programme.id(), null));
    }

    @Test
    void aReferentCreatesACohortAndSeesErrorsNextToTheFieldsIncludingTheOnePromotionRule() {
        signIn("referent");
        ProgrammeSummary ruled = programmes.create(programme(true));
        long establishment = fixtures.establishment(DIJON_ESTABLISHMENT);
        cohorts.create(cohort(ruled.id(), establishment, LocalDate.of(2032, 1, 5)));
        UI.getCurrent().navigate(CohortListView.class);

        _click(_get(Button.class, spec -> spec.withText("Nouvelle cohorte")));
        CohortFormDialog form = _get(CohortFormDialog.class);
        assertThat(((DispSummary) form.disp.getValue()).code()).isEqualTo("DISP DIJON");
        assertThat(form.disp.isReadOnly()).isTrue();
        setValue(form.title, "Promotion " + CohortFixtures.token());
        setValue(form.programme, ruled);
        assertThat(form.capacity.getValue()).as("from the programme").isEqualTo(10);
        setValue(form.sector, Sector.CONSTRUCTION);
        setValue(form.establishment, new EstablishmentChoice(establishment, DIJON_ESTABLISHMENT, "DISP DIJON"));
        setValue(form.plannedStart, LocalDate.of(2032, 9, 6));
        _click(_get(form, Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(form.trades.isInvalid()).isTrue();
        assertThat(form.trades.getErrorMessage()).isEqualTo("Choisissez au moins un métier ROME.");

        setValue(form.trades, Set.of(reference.romeJob("F1603").orElseThrow()));
        _click(_get(form, Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(form.trades.isInvalid()).isFalse();
        assertThat(form.establishment.isInvalid()).isTrue();
        assertThat(form.establishment.getErrorMessage())
                .isEqualTo("Ce programme a déjà une promotion dans cet établissement en 2032 : une seule par an.");

        setValue(form.plannedStart, LocalDate.of(2033, 9, 5));
        _click(_get(form, Button.class, spec -> spec.withText("Enregistrer")));
        CohortView page = _get(CohortView.class);
        assertThat(page).isNotNull();
        assertThat(_find(CohortFormDialog.class)).isEmpty();
        assertThat(cohorts.count(CohortFilter.ofProgramme(ruled.id()))).isEqualTo(2);
    }

    @Test
    void theCohortsReferentEnrolsAParticipantWithAPseudonymousCodeOnlyAndTheReadIsRecorded() {
        signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        UI.getCurrent().navigate("cohortes/" + cohort.id());
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(cohort.title());
        select("Participants");
        ParticipantsTab tab = _get(ParticipantsTab.class);
        long reads = reads(cohort.id());

        _click(_get(tab, Button.class, spec -> spec.withText("Inscrire un participant")));
        ParticipantDialog dialog = _get(ParticipantDialog.class);
        assertThat(dialog.note.getHelperText()).contains("ni nom, ni date de naissance, ni numéro d’écrou");
        setValue(dialog.code, "Jean Dupont");
        _click(_get(dialog, Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage()).startsWith("Majuscules, chiffres et tirets seulement");
        setValue(dialog.code, "spip21-9001");
        setValue(dialog.releaseMonth, "13/2027");
        _click(_get(dialog, Button.class, spec -> spec.withText("Enregistrer")));
        assertThat(dialog.releaseMonth.isInvalid()).isTrue();
        setValue(dialog.releaseMonth, "09/2027");
        _click(_get(dialog, Button.class, spec -> spec.withText("Enregistrer")));

        ParticipantsTab reloaded = _get(ParticipantsTab.class);
        assertThat(GridKt._findAll(reloaded.grid)).extracting(ParticipantSummary::code).containsExactly("SPIP21-9001");
        assertThat(GridKt._getFormatted(reloaded.grid, 0, "release")).isEqualTo("09/2027");
        assertThat(reads(cohort.id())).as("each showing of the participants is a recorded read").isGreaterThan(reads);
    }

    @Test
    void anAdministratorSeesWhoReadTheParticipantsAndAReferentDoesNot() {
        signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        UI.getCurrent().navigate("cohortes/" + cohort.id());
        select("Participants");
        assertThat(_find(com.vaadin.flow.component.details.Details.class, spec -> spec.withClasses("participant-read-log"))).isEmpty();

        signIn("admin");
        UI.getCurrent().navigate("cohortes/" + cohort.id());
        select("Participants");
        var log = _get(com.vaadin.flow.component.details.Details.class, spec -> spec.withClasses("participant-read-log"));
        assertThat(log.getSummaryText()).isEqualTo("Consultations de cette liste (50 dernières)");
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<fr.passerelle.cohort.ParticipantRead>) _get(log,
                com.vaadin.flow.component.grid.Grid.class, spec -> spec.withClasses("participant-read-grid"));
        assertThat(GridKt._findAll(grid)).extracting(fr.passerelle.cohort.ParticipantRead::userId)
                .as("the administrator's own read first, then the referent's")
                .startsWith(fixtures.userId("admin"), fixtures.userId("referent"));
        assertThat(GridKt._getFormatted(grid, 0, "when")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    }

    @Test
    void aParticipantDropsOutAfterAReasonAndAConfirmation() {
        signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        participants.enrol(cohort.id(), participant("SPIP21-9101"));
        UI.getCurrent().navigate("cohortes/" + cohort.id());
        select("Participants");

        Component actions = GridKt._getCellComponent(_get(ParticipantsTab.class).grid, 0, "actions");
        _click(_get(actions, Button.class, spec -> spec.withText("Sortie du dispositif")));
        ReasonDialog reason = _get(ReasonDialog.class);
        setValue(reason.reason, "Transfert");
        _click(_get(reason, Button.class, spec -> spec.withText("Sortie du dispositif")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(participants.participants(cohort.id())).singleElement()
                .satisfies(p -> assertThat(p.dropReason()).isEqualTo("Transfert"));
    }

    @Test
    void theCommunicationTeamAndAnotherDispsReferentSeeTheCohortButNoParticipant() {
        signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        participants.enrol(cohort.id(), participant("SPIP21-9201"));

        for (String user : new String[] {"communication", fixtures.lyonReferent()}) {
            signIn(user);
            UI.getCurrent().navigate("cohortes/" + cohort.id());
            assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CohortView.class);
            assertThat(tabLabels()).as(user).doesNotContain("Participants").contains("Présentation", "Offres liées");
            assertThat(_find(ParticipantsTab.class)).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withText("Modifier"))).isEmpty();
        }
        signIn("communication");
        UI.getCurrent().navigate(CohortListView.class);
        assertThat(_find(Button.class, spec -> spec.withText("Nouvelle cohorte"))).isEmpty();
    }

    @Test
    void theCohortMovesStateFromItsHeaderAndIsCancelledWithAReason() {
        signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        UI.getCurrent().navigate("cohortes/" + cohort.id());

        _click(_get(Button.class, spec -> spec.withText("Ouvrir le recrutement")));
        assertThat(cohorts.require(cohort.id()).state()).isEqualTo(CohortState.RECRUITING);
        _click(_get(Button.class, spec -> spec.withText("Annuler la cohorte")));
        ReasonDialog reason = _get(ReasonDialog.class);
        _click(_get(reason, Button.class, spec -> spec.withText("Annuler la cohorte")));
        assertThat(reason.reason.isInvalid()).as("a reason is required").isTrue();
        setValue(reason.reason, "Financement retiré");
        _click(_get(reason, Button.class, spec -> spec.withText("Annuler la cohorte")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(cohorts.require(cohort.id()).state()).isEqualTo(CohortState.CANCELLED);
        assertThat(_find(Button.class, spec -> spec.withText("Annuler la cohorte"))).isEmpty();
    }

    @Test
    void anOpenOfferIsLinkedAndUnlinkedAfterAConfirmation() {
        signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        long offer = fixtures.offer(fixtures.company("Canalisations UI " + CohortFixtures.token()), "OPEN");
        cohortOffers.link(cohort.id(), offer);
        UI.getCurrent().navigate("cohortes/" + cohort.id());
        select("Offres liées");
        LinkedOffersTab tab = _get(LinkedOffersTab.class);
        assertThat(GridKt._size(tab.grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(tab.grid, 0, "rome")).isEqualTo("F1603");

        _click(_get(GridKt._getCellComponent(tab.grid, 0, "actions"), Button.class, spec -> spec.withText("Délier")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Délier cette offre ?");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(GridKt._size(tab.grid)).isZero();
        assertThat(cohortOffers.linkedOfferIds(cohort.id())).isEmpty();
    }

    @Test
    void aSuggestedOfferIsLinkedFromItsRowAndTheCoverageFollows() {
        signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        java.time.YearMonth release = java.time.YearMonth.now().plusMonths(3);
        participants.enrol(cohort.id(), new fr.passerelle.cohort.ParticipantDraft("SPIP-" + CohortFixtures.token(), release, "21", false, null));
        participants.enrol(cohort.id(), new fr.passerelle.cohort.ParticipantDraft("SPIP-" + CohortFixtures.token(), release, "21", false, null));
        long offer = fixtures.offer(fixtures.company("Suggestion UI " + CohortFixtures.token()), "OPEN");
        UI.getCurrent().navigate("cohortes/" + cohort.id());
        select("Offres liées");
        LinkedOffersTab tab = _get(LinkedOffersTab.class);
        assertThat(tab.coverage).isNotNull();
        assertThat(GridKt._getFormatted(tab.coverage.grid, 0, "released")).isEqualTo("2");
        assertThat(GridKt._getFormatted(tab.coverage.grid, 0, "open")).isEqualTo("0");
        assertThat(tab.suggestions).isNotNull();
        int row = rowOf(tab.suggestions.grid, offer);
        assertThat(GridKt._getFormatted(tab.suggestions.grid, row, "why")).startsWith("même métier F1603 — ");

        _click(_get(GridKt._getCellComponent(tab.suggestions.grid, row, "actions"), Button.class, spec -> spec.withText("Lier")));

        assertThat(cohortOffers.linkedOfferIds(cohort.id())).containsExactly(offer);
        assertThat(GridKt._size(tab.grid)).isEqualTo(1);
        assertThat(GridKt._findAll(tab.suggestions.grid)).noneMatch(s -> s.offer().id() == offer);
        assertThat(GridKt._getFormatted(tab.coverage.grid, 0, "open")).as("the offer's two positions").isEqualTo("2");
    }

    @Test
    void theCommunicationTeamSeesLinkedOffersWithoutSuggestionsOrCoverage() {
        signIn("referent");
        CohortDetails cohort = cohorts.create(cohort(null, fixtures.establishment(DIJON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        signIn("communication");
        UI.getCurrent().navigate("cohortes/" + cohort.id());
        select("Offres liées");
        LinkedOffersTab tab = _get(LinkedOffersTab.class);
        assertThat(tab.coverage).isNull();
        assertThat(tab.suggestions).isNull();
        assertThat(_find(Button.class, spec -> spec.withText("Lier"))).isEmpty();
    }

    private static int rowOf(com.vaadin.flow.component.grid.Grid<fr.passerelle.offer.OfferSuggestion> grid, long offerId) {
        var rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).offer().id() == offerId) {
                return i;
            }
        }
        throw new AssertionError("offer " + offerId + " not suggested");
    }

    @Test
    void theProgrammePageListsItsCohorts() {
        signIn("admin");
        ProgrammeSummary programme = programmes.create(programme(true));
        CohortDetails cohort = cohorts.create(cohort(programme.id(), fixtures.establishment(LYON_ESTABLISHMENT), LocalDate.of(2027, 4, 5)));
        signIn("communication");
        UI.getCurrent().navigate(ProgrammeListView.class);
        assertThat(GridKt._findAll(_get(ProgrammeListView.class).grid)).extracting(ProgrammeSummary::title).contains(programme.title());

        UI.getCurrent().navigate("programmes/" + programme.id());
        ProgrammeView page = _get(ProgrammeView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(programme.title());
        assertThat(GridKt._findAll(page.cohorts)).extracting(CohortSummary::id).containsExactly(cohort.id());
        assertThat(_find(Button.class, spec -> spec.withText("Modifier"))).as("communication changes nothing").isEmpty();
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        UI.getCurrent().navigate("cohortes");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    private static void select(String label) {
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withClasses("cohort-tabs"));
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTabAt(i).getLabel().equals(label)) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
        throw new AssertionError("no tab " + label);
    }

    private static java.util.List<String> tabLabels() {
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withClasses("cohort-tabs"));
        var labels = new java.util.ArrayList<String>();
        for (int i = 0; i < tabs.getTabCount(); i++) {
            labels.add(tabs.getTabAt(i).getLabel());
        }
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DispSummary> dispFilter() {
        return _get(_get(CohortListView.class), ComboBox.class, spec -> spec.withLabel("DISP"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<ProgrammeSummary> programmeFilter() {
        return _get(_get(CohortListView.class), ComboBox.class, spec -> spec.withLabel("Programme"));
    }

    private long reads(long cohortId) {
        return jdbc.sql("select count(*) from participant_read where cohort_id = :id").param("id", cohortId).query(Long.class).single();
    }

    /** What a person's choice does (Karibu 2.6.2's {@code _setValue} fails on Vaadin 25.2). */
    private static <V> void setValue(HasValue<?, V> field, @Nullable V value) {
        assertThat(((Component) field).isVisible() && ((HasEnabled) field).isEnabled()).as("field usable").isTrue();
        field.setValue(value);
    }
}

package fr.passerelle.offer.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.offer.OfferDetails;
import fr.passerelle.offer.OfferFilter;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.offer.OfferService;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferSummary;
import fr.passerelle.offer.OfferType;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.RomeJob;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

class OfferUiTest extends KaribuTest {

    @Autowired
    OfferService offers;
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
    void aReferentStartsOnTheirDispFiltersByStateAndFindsTheFiltersAgainWhenComingBack() {
        long company = fixtures.company("Serrurerie Côtière", "21");
        OfferDetails open = fixtures.as("admin", () -> offers.create(OfferFixtures.job(company, "Serrurier métallier", "21", null)));
        OfferDetails filled = fixtures.as("admin", () -> offers.create(OfferFixtures.job(company, "Serrurier poseur", "21", null)));
        fixtures.as("admin", () -> offers.transition(filled.id(), OfferStatus.FILLED, null, null));
        signIn("referent");
        UI.getCurrent().navigate(OfferListView.class);

        var view = _get(OfferListView.class);
        assertThat(_get(ComboBox.class, spec -> spec.withLabel("DISP")).getValue()).extracting("code").isEqualTo("DISP DIJON");
        assertThat(rows(view.grid)).allSatisfy(o -> assertThat(o.dispCode()).isEqualTo("DISP DIJON"));

        _get(TextField.class, spec -> spec.withLabel("Rechercher")).setValue("serrurerie cotiere");
        assertThat(rows(view.grid)).extracting(OfferSummary::title).containsExactly("Serrurier poseur", "Serrurier métallier");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<OfferStatus> states = _get(MultiSelectComboBox.class, spec -> spec.withLabel("État"));
        states.setValue(Set.of(OfferStatus.OPEN));
        assertThat(rows(view.grid)).extracting(OfferSummary::id).containsExactly(open.id());
        assertThat(GridKt._getFormatted(view.grid, 0, "start")).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(text(GridKt._getCellComponent(view.grid, 0, "status"))).isEqualTo("Ouverte");

        UI.getCurrent().navigate("entreprises");
        UI.getCurrent().navigate(OfferListView.class);
        var back = _get(OfferListView.class);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Rechercher")).getValue()).isEqualTo("serrurerie cotiere");
        assertThat(rows(back.grid)).extracting(OfferSummary::id).containsExactly(open.id());

        _get(TextField.class, spec -> spec.withLabel("Rechercher")).setValue("introuvable xyzzy");
        assertThat(GridKt._size(back.grid)).isZero();
        _click(_get(Button.class, spec -> spec.withText("Effacer les filtres")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Rechercher")).getValue()).isEmpty();
    }

    @Test
    void communicationReadsTheListButCreatesNothingAndAnonymousIsTurnedAway() {
        signIn("communication");
        UI.getCurrent().navigate(OfferListView.class);
        assertThat(_find(Button.class, spec -> spec.withText("Nouvelle offre"))).isEmpty();
        _get(Button.class, spec -> spec.withText("Exporter"));
        assertThat(_get(ComboBox.class, spec -> spec.withLabel("DISP")).getValue()).isNull();

        signOut();
        assertAccessDenied(OfferListView.class);
    }

    @Test
    void theFormShowsEachErrorNextToItsFieldAndCreatesTheOfferOnceRight() {
        long company = fixtures.company("Formulaire SARL", "21");
        signIn("referent");
        openCompany(company);
        selectTab("Offres");
        _click(_get(Button.class, spec -> spec.withText("Nouvelle offre")));

        var dialog = _get(OfferFormDialog.class);
        assertThat(dialog.company.getValue()).extracting("id").isEqualTo(company);
        assertThat(dialog.company.isReadOnly()).isTrue();
        _click(_get(dialog, Button.class, spec -> spec.withText("Créer l’offre")));
        assertThat(error("romeCode")).isEqualTo("Choisissez le métier dans la liste ROME.");

        @SuppressWarnings("unchecked")
        ComboBox<RomeJob> rome = _get(ComboBox.class, spec -> spec.withLabel("Métier (ROME)"));
        ComboBoxKt.setUserInput(rome, "soudeuse");
        assertThat(ComboBoxKt.getSuggestionItems(rome)).extracting(RomeJob::code).as("by words, accents ignored").contains("H2913");
        ComboBoxKt.setUserInput(rome, "h291");
        assertThat(ComboBoxKt.getSuggestionItems(rome)).extracting(RomeJob::code).as("by the start of the code").contains("H2913");
        rome.setValue(ComboBoxKt.getSuggestionItems(rome).stream().filter(j -> j.code().equals("H2913")).findFirst().orElseThrow());
        _click(_get(dialog, Button.class, spec -> spec.withText("Créer l’offre")));
        assertThat(error("title")).isEqualTo("L’intitulé est obligatoire.");
        _get(TextField.class, spec -> spec.withLabel("Intitulé")).setValue("Soudeur en atelier");
        _get(IntegerField.class, spec -> spec.withLabel("Postes")).setValue(1000);
        _click(_get(dialog, Button.class, spec -> spec.withText("Créer l’offre")));
        assertThat(error("positions")).isEqualTo("Indiquez un nombre de postes entre 1 et 999.");
        _get(IntegerField.class, spec -> spec.withLabel("Postes")).setValue(3);
        @SuppressWarnings("unchecked")
        Select<fr.passerelle.offer.ContractType> contract = _get(Select.class, spec -> spec.withLabel("Contrat"));
        contract.setValue(fr.passerelle.offer.ContractType.PRISON_EMPLOYMENT);
        @SuppressWarnings("unchecked")
        Select<OfferType> type = _get(Select.class, spec -> spec.withLabel("Type d’offre"));
        type.setValue(OfferType.WORKSHOP_JOBS);
        _click(_get(dialog, Button.class, spec -> spec.withText("Créer l’offre")));
        assertThat(error("establishments")).isEqualTo("Choisissez au moins un établissement visé.");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<EstablishmentSummary> targets = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Établissements visés"));
        assertThat(targets.getListDataView().getItems()).as("the referent's DISP only")
                .allSatisfy(e -> assertThat(e.dispCode()).isEqualTo("DISP DIJON"));
        targets.setValue(Set.of(targets.getListDataView().getItems().findFirst().orElseThrow()));
        _get(DatePicker.class, spec -> spec.withLabel("Fin")).setValue(LocalDate.now().minusDays(1));
        _click(_get(dialog, Button.class, spec -> spec.withText("Créer l’offre")));
        assertThat(error("endDate")).isEqualTo("La date de fin doit suivre la date de début.");
        assertThat(offers.offersOf(company)).isEmpty();

        _get(DatePicker.class, spec -> spec.withLabel("Fin")).setValue(LocalDate.now().plusMonths(2));
        _click(_get(dialog, Button.class, spec -> spec.withText("Créer l’offre")));
        assertThat(_find(OfferFormDialog.class)).isEmpty();
        assertThat(offers.offersOf(company)).singleElement().satisfies(o -> {
            assertThat(o.title()).isEqualTo("Soudeur en atelier");
            assertThat(o.type()).isEqualTo(OfferType.WORKSHOP_JOBS);
            assertThat(o.dispCode()).isEqualTo("DISP DIJON");
        });
        @SuppressWarnings("unchecked")
        Grid<OfferSummary> tab = _get(Grid.class, spec -> spec.withClasses("offer-tab-grid"));
        assertThat(GridKt._size(tab)).isEqualTo(1);
    }

    @Test
    void closingAFormWithChangesAsksFirst() {
        long company = fixtures.company("Abandon SARL", "21");
        signIn("referent");
        openCompany(company);
        selectTab("Offres");
        _click(_get(Button.class, spec -> spec.withText("Nouvelle offre")));
        _get(TextField.class, spec -> spec.withLabel("Intitulé")).setValue("Brouillon");
        _click(_get(_get(OfferFormDialog.class), Button.class, spec -> spec.withText("Annuler")));

        assertThat(_find(OfferFormDialog.class)).as("still open until the person confirms").hasSize(1);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_find(OfferFormDialog.class)).isEmpty();
    }

    @Test
    void theCompanyPageListsItsOffersMovesThemAndShowsThemInTheTimelineAndHistory() {
        long company = fixtures.company("Page Entreprise SAS", "21");
        OfferDetails offer = fixtures.as("admin", () -> offers.create(OfferFixtures.job(company, "Cariste", "21", null)));
        signIn("referent");
        openCompany(company);
        selectTab("Offres");

        @SuppressWarnings("unchecked")
        Grid<OfferSummary> grid = _get(Grid.class, spec -> spec.withClasses("offer-tab-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "title")).isEqualTo("Cariste");
        assertThat(text(GridKt._getCellComponent(grid, 0, "status"))).isEqualTo("Ouverte");
        _click(_get(GridKt._getCellComponent(grid, 0, "actions"), Button.class, spec -> spec.withText("Marquer pourvue")));
        _click(_get(_get(OfferStatusActions.MoveDialog.class), Button.class, spec -> spec.withText("Marquer pourvue")));
        assertThat(offers.require(offer.id()).status()).isEqualTo(OfferStatus.FILLED);
        assertThat(text(GridKt._getCellComponent(grid, 0, "status"))).isEqualTo("Pourvue");
        assertThat(_find(GridKt._getCellComponent(grid, 0, "actions"), Button.class, spec -> spec.withText("Clôturer")))
                .as("a filled offer moves no more").isEmpty();

        selectTab("Fil d’activité");
        assertThat(items("timeline")).anySatisfy(line -> assertThat(line).contains("Offre « Cariste » : Ouverte → Pourvue"))
                .anySatisfy(line -> assertThat(line).contains("Offre « Cariste » créée : Ouverte"));
        selectTab("Historique");
        assertThat(items("history")).anySatisfy(line -> assertThat(line).contains("Offre « Cariste » modifiée")
                        .contains("État : Ouverte → Pourvue"))
                .anySatisfy(line -> assertThat(line).contains("Offre « Cariste » créée"));
    }

    @Test
    void communicationSeesTheOffersTabWithoutAnyAction() {
        long company = fixtures.company("Lecture Offres SAS", "21");
        fixtures.as("admin", () -> offers.create(OfferFixtures.job(company, "Magasinier", "21", null)));
        signIn("communication");
        openCompany(company);
        selectTab("Offres");

        @SuppressWarnings("unchecked")
        Grid<OfferSummary> grid = _get(Grid.class, spec -> spec.withClasses("offer-tab-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(_find(Button.class, spec -> spec.withText("Nouvelle offre"))).isEmpty();
        assertThat(_find(GridKt._getCellComponent(grid, 0, "actions"), Button.class, spec -> spec.withText("Clôturer"))).isEmpty();
        assertThat(offers.search(OfferFilter.none().withCompany(company), org.springframework.data.domain.PageRequest.of(0, 5))).hasSize(1);
    }

    private String error(String field) {
        var dialog = _get(OfferFormDialog.class);
        var component = dialog.fields().get(field);
        assertThat(component.isInvalid()).as(field + " is marked").isTrue();
        return component.getErrorMessage();
    }

    private void openCompany(long companyId) {
        UI.getCurrent().navigate("entreprises/" + companyId);
        MockVaadin.clientRoundtrip(false);
    }

    private void selectTab(String label) {
        TabSheet tabs = _get(TabSheet.class);
        int index = IntStream.range(0, tabs.getTabCount()).filter(i -> tabs.getTabAt(i).getElement().getTextRecursively().equals(label))
                .findFirst().orElseThrow();
        tabs.setSelectedIndex(index);
        MockVaadin.clientRoundtrip(false);
    }

    private List<String> items(String listClass) {
        UnorderedList list = _get(UnorderedList.class, spec -> spec.withClasses(listClass));
        return list.getChildren().map(ListItem.class::cast).map(OfferUiTest::text).toList();
    }

    private static List<OfferSummary> rows(Grid<OfferSummary> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }
}

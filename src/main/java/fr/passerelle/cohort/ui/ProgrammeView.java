package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.cohort.CohortFilter;
import fr.passerelle.cohort.CohortRatesService;
import fr.passerelle.cohort.CohortSummary;
import fr.passerelle.cohort.ProgrammeSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/** One programme: what it is, its cohorts (paged from the database; a row opens the cohort) and their results. */
@Route("programmes/:" + ProgrammeView.PROGRAMME_ID)
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class ProgrammeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PROGRAMME_ID = "programmeId";

    private final CohortForms forms;
    private final CohortRatesService rates;
    private @Nullable ProgrammeSummary programme;
    final Grid<CohortSummary> cohorts = new Grid<>(CohortSummary.class, false);

    ProgrammeView(CohortForms forms, CohortRatesService rates) {
        this.forms = forms;
        this.rates = rates;
        addClassName("programme-view");
        cohorts.addColumn(CohortSummary::title).setHeader(getTranslation("cohort.field.title")).setKey("title").setSortable(true).setFlexGrow(3);
        cohorts.addColumn(CohortSummary::establishmentName).setHeader(getTranslation("cohort.field.establishment")).setKey("establishment")
                .setSortable(true).setFlexGrow(2);
        cohorts.addColumn(CohortSummary::dispCode).setHeader(getTranslation("cohort.field.disp")).setKey("disp").setSortable(true).setAutoWidth(true);
        cohorts.addColumn(c -> CohortDisplay.date(c.plannedStart())).setHeader(getTranslation("cohort.field.planned-start")).setKey("start")
                .setSortable(true).setAutoWidth(true);
        cohorts.addColumn(c -> c.enrolled() + " / " + c.capacity()).setHeader(getTranslation("cohort.list.column.filled")).setKey("capacity")
                .setAutoWidth(true);
        cohorts.addColumn(new ComponentRenderer<>(c -> CohortDisplay.stateBadge(c.state()))).setHeader(getTranslation("cohort.field.state"))
                .setKey("state").setSortable(true).setAutoWidth(true);
        cohorts.addClassName("programme-cohort-grid");
        cohorts.setSelectionMode(Grid.SelectionMode.NONE);
        cohorts.setEmptyStateText(getTranslation("cohort.programme.no-cohort"));
        cohorts.setItemsPageable(pageable -> programme == null ? java.util.List.of()
                        : forms.cohorts().search(CohortFilter.ofProgramme(programme.id()), pageable),
                (Pageable pageable) -> programme == null ? 0 : forms.cohorts().count(CohortFilter.ofProgramme(programme.id())));
        cohorts.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CohortView.class,
                new RouteParameters(CohortView.COHORT_ID, String.valueOf(e.getItem().id())))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get(PROGRAMME_ID).flatMap(CohortDisplay::parseId).flatMap(forms.programmes()::get)
                .ifPresentOrElse(this::show, this::showNotFound);
    }

    private void show(ProgrammeSummary shown) {
        this.programme = shown;
        removeAll();
        var toolbar = new ViewToolbar(new H2(shown.title()));
        if (forms.cohorts().canCreate()) {
            toolbar.add(new Button(getTranslation("cohort.action.edit"), VaadinIcon.EDIT.create(),
                    e -> forms.openProgrammeForm(shown, saved -> forms.programmes().get(saved.id()).ifPresent(this::show))));
        }
        var facts = new DescriptionList();
        fact(facts, "cohort.programme.field.description", shown.description());
        fact(facts, "cohort.programme.field.candidates", shown.candidatesPerPromotion() == null ? null : String.valueOf(shown.candidatesPerPromotion()));
        fact(facts, "cohort.programme.field.duration",
                shown.durationWeeks() == null ? null : getTranslation("cohort.programme.weeks", shown.durationWeeks()));
        fact(facts, "cohort.programme.field.sectors",
                shown.sectors().stream().sorted().map(s -> getTranslation(s.translationKey())).collect(Collectors.joining(", ")));
        fact(facts, "cohort.programme.column.one-per-year", getTranslation(shown.onePromotionPerYear() ? "cohort.yes" : "cohort.no"));
        add(toolbar, facts, new H3(getTranslation("cohort.programme.cohorts")), cohorts, new ProgrammeRatesSection(rates, shown));
        cohorts.getDataProvider().refreshAll();
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    private void fact(DescriptionList list, String labelKey, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            list.add(new DescriptionList.Term(getTranslation(labelKey)), new DescriptionList.Description(value));
        }
    }

    private void showNotFound() {
        this.programme = null;
        removeAll();
        var notFound = new Div(new H2(getTranslation("cohort.programme.not-found")), new Paragraph(getTranslation("cohort.error.programme-unknown")),
                new Anchor("programmes", getTranslation("cohort.programme.back")));
        notFound.addClassName("empty-state");
        add(notFound);
    }

    @Override
    public String getPageTitle() {
        return programme == null ? getTranslation("cohort.programme.not-found") : programme.title();
    }
}

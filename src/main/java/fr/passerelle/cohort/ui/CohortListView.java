package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.cohort.CohortFilter;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.CohortSummary;
import fr.passerelle.cohort.ProgrammeSummary;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.ReferenceService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.Pageable;

/**
 * Every cohort, paged from the database and filtered by DISP, state, programme and establishment. Filters last for
 * the session; a referent starts on their DISP. Communication teams see the cohorts, never their participants.
 */
@Route("cohortes")
@Menu(order = 23, title = "cohort.nav.cohorts", icon = "vaadin:academy-cap")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class CohortListView extends Main implements HasDynamicTitle {

    static final String FILTER_ATTRIBUTE = CohortListView.class.getName() + ".filter";

    private final CohortForms forms;
    private final ComboBox<DispSummary> disp = new ComboBox<>();
    private final Select<CohortState> state = new Select<>();
    private final ComboBox<ProgrammeSummary> programme = new ComboBox<>();
    private final ComboBox<EstablishmentChoice> establishment;
    private final Span resultCount = new Span();
    final Grid<CohortSummary> grid = new Grid<>(CohortSummary.class, false);
    private boolean showing;

    CohortListView(CohortForms forms) {
        this.forms = forms;
        SignedInUser user = forms.currentUser().require();
        ReferenceService reference = forms.reference();
        addClassNames("list-view", "cohort-list-view");
        setSizeFull();
        List<DispSummary> disps = reference.disps();
        List<ProgrammeSummary> programmes = forms.programmes().all();

        disp.setLabel(getTranslation("cohort.field.disp"));
        disp.setPlaceholder(getTranslation("cohort.filter.all-feminine"));
        disp.setItems(disps);
        disp.setItemLabelGenerator(DispSummary::code);
        disp.setClearButtonVisible(true);
        state.setLabel(getTranslation("cohort.field.state"));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("filter.all"));
        state.setItems(CohortState.values());
        state.setItemLabelGenerator(s -> s == null ? getTranslation("filter.all") : getTranslation(s.translationKey()));
        programme.setLabel(getTranslation("cohort.field.programme"));
        programme.setPlaceholder(getTranslation("filter.all"));
        programme.setItems(programmes);
        programme.setItemLabelGenerator(ProgrammeSummary::title);
        programme.setClearButtonVisible(true);
        establishment = EstablishmentChoice.picker(reference, getTranslation("cohort.field.establishment"),
                () -> disp.getValue() == null ? null : disp.getValue().code());
        establishment.setPlaceholder(getTranslation("filter.all"));

        CohortFilter stored = (CohortFilter) VaadinSession.getCurrent().getAttribute(FILTER_ATTRIBUTE);
        CohortFilter initial = stored != null ? stored : CohortFilter.none().withDisp(user.dispCode());
        showing = true;
        disp.setValue(disps.stream().filter(d -> d.code().equals(initial.dispCode())).findFirst().orElse(null));
        state.setValue(initial.state());
        programme.setValue(programmes.stream().filter(p -> Objects.equals(p.id(), initial.programmeId())).findFirst().orElse(null));
        if (initial.establishmentId() != null) {
            reference.establishment(initial.establishmentId())
                    .ifPresent(e -> establishment.setValue(new EstablishmentChoice(e.id(), e.name(), e.dispCode())));
        }
        showing = false;
        disp.addValueChangeListener(e -> filterChanged());
        state.addValueChangeListener(e -> filterChanged());
        programme.addValueChangeListener(e -> filterChanged());
        establishment.addValueChangeListener(e -> filterChanged());

        resultCount.addClassName("result-count");
        resultCount.getElement().setAttribute("role", "status");
        resultCount.getElement().setAttribute("aria-live", "polite");
        configureGrid();
        add(new ViewToolbar(disp, state, programme, establishment), actions(), resultCount, grid);
        refresh();
    }

    private ViewToolbar actions() {
        var spacer = new Div();
        spacer.addClassName("toolbar-spacer");
        var toolbar = new ViewToolbar(spacer);
        if (forms.cohorts().canCreate()) {
            var create = new Button(getTranslation("cohort.list.create"), VaadinIcon.PLUS.create(),
                    e -> forms.openCohortForm(null, saved -> open(saved.id())));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        return toolbar;
    }

    private void configureGrid() {
        grid.addColumn(CohortSummary::title).setHeader(getTranslation("cohort.field.title")).setKey("title").setSortable(true)
                .setFlexGrow(3).setTooltipGenerator(CohortSummary::title);
        grid.addColumn(c -> Objects.requireNonNullElse(c.programmeTitle(), "")).setHeader(getTranslation("cohort.field.programme"))
                .setKey("programme").setSortable(true).setFlexGrow(2);
        grid.addColumn(CohortSummary::establishmentName).setHeader(getTranslation("cohort.field.establishment"))
                .setKey("establishment").setSortable(true).setFlexGrow(2);
        grid.addColumn(CohortSummary::dispCode).setHeader(getTranslation("cohort.field.disp")).setKey("disp").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> CohortDisplay.date(c.plannedStart())).setHeader(getTranslation("cohort.field.planned-start"))
                .setKey("start").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.enrolled() + " / " + c.capacity()).setHeader(getTranslation("cohort.list.column.filled"))
                .setKey("capacity").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(c -> CohortDisplay.stateBadge(c.state()))).setHeader(getTranslation("cohort.field.state"))
                .setKey("state").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("cohort-grid");
        grid.setAriaLabel(getTranslation("cohort.list.grid"));
        var empty = new Div(new Paragraph(getTranslation("cohort.list.empty")));
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);
        grid.setItemsPageable(pageable -> forms.cohorts().search(filter(), pageable),
                (Pageable pageable) -> forms.cohorts().count(filter()));
        grid.getLazyDataView().setIdentifierProvider(CohortSummary::id);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(e -> open(e.getItem().id()));
    }

    CohortFilter filter() {
        return new CohortFilter(disp.getValue() == null ? null : disp.getValue().code(), state.getValue(),
                programme.getValue() == null ? null : programme.getValue().id(),
                establishment.getValue() == null ? null : establishment.getValue().id());
    }

    private void filterChanged() {
        if (showing) {
            return;
        }
        VaadinSession.getCurrent().setAttribute(FILTER_ATTRIBUTE, filter());
        refresh();
    }

    private void refresh() {
        resultCount.setText(getTranslation("cohort.list.count", forms.cohorts().count(filter())));
        grid.getDataProvider().refreshAll();
    }

    private void open(long id) {
        getUI().ifPresent(ui -> ui.navigate(CohortView.class, new RouteParameters(CohortView.COHORT_ID, String.valueOf(id))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cohort.list.title");
    }
}

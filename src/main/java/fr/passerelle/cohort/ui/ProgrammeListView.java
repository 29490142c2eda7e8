package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.cohort.ProgrammeSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;

/** The training programmes, paged from the database; a row opens the programme and its cohorts. */
@Route("programmes")
@Menu(order = 24, title = "cohort.nav.programmes", icon = "vaadin:book")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class ProgrammeListView extends Main implements HasDynamicTitle {

    final Grid<ProgrammeSummary> grid = new Grid<>(ProgrammeSummary.class, false);

    ProgrammeListView(CohortForms forms) {
        addClassNames("list-view", "programme-list-view");
        setSizeFull();
        var spacer = new Div();
        spacer.addClassName("toolbar-spacer");
        var toolbar = new ViewToolbar(spacer);
        if (forms.cohorts().canCreate()) {
            var create = new Button(getTranslation("cohort.programme.create"), VaadinIcon.PLUS.create(),
                    e -> forms.openProgrammeForm(null, saved -> open(saved.id())));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        grid.addColumn(ProgrammeSummary::title).setHeader(getTranslation("cohort.programme.field.title")).setKey("title")
                .setSortable(true).setFlexGrow(3);
        grid.addColumn(p -> p.sectors().stream().sorted().map(s -> getTranslation(s.translationKey())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("cohort.programme.field.sectors")).setKey("sectors").setFlexGrow(3);
        grid.addColumn(p -> p.candidatesPerPromotion() == null ? "" : String.valueOf(p.candidatesPerPromotion()))
                .setHeader(getTranslation("cohort.programme.field.candidates")).setKey("candidates").setSortable(true).setAutoWidth(true);
        grid.addColumn(p -> p.durationWeeks() == null ? "" : getTranslation("cohort.programme.weeks", p.durationWeeks()))
                .setHeader(getTranslation("cohort.programme.field.duration")).setKey("duration").setSortable(true).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.onePromotionPerYear() ? "cohort.yes" : "cohort.no"))
                .setHeader(getTranslation("cohort.programme.column.one-per-year")).setKey("rule").setAutoWidth(true);
        grid.addColumn(ProgrammeSummary::cohortCount).setHeader(getTranslation("cohort.programme.column.cohorts")).setKey("cohorts")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("programme-grid");
        grid.setItemsPageable(forms.programmes()::programmes, (Pageable pageable) -> forms.programmes().count());
        grid.getLazyDataView().setIdentifierProvider(ProgrammeSummary::id);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(getTranslation("cohort.programme.empty"));
        grid.addItemClickListener(e -> open(e.getItem().id()));
        add(toolbar, grid);
    }

    private void open(long id) {
        getUI().ifPresent(ui -> ui.navigate(ProgrammeView.class, new RouteParameters(ProgrammeView.PROGRAMME_ID, String.valueOf(id))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cohort.programme.list.title");
    }
}

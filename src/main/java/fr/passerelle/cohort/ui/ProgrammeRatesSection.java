package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.RouteParameters;
import fr.passerelle.cohort.CohortRatesRow;
import fr.passerelle.cohort.CohortRatesService;
import fr.passerelle.cohort.ProgrammeRates;
import fr.passerelle.cohort.ProgrammeSummary;
import fr.passerelle.cohort.Rate;
import java.util.function.Function;
import org.springframework.data.domain.Pageable;

/**
 * The programme page's results: the totals of its cohorts that are not cancelled, then each cohort's rates in a table
 * paged from the database (a row opens the cohort).
 */
class ProgrammeRatesSection extends Composite<Section> {

    final Grid<CohortRatesRow> byCohort = new Grid<>(CohortRatesRow.class, false);

    ProgrammeRatesSection(CohortRatesService service, ProgrammeSummary programme) {
        ProgrammeRates rates = service.programme(programme.id());
        var scope = new Paragraph(getTranslation("cohort.rates.programme.scope", rates.cohorts()));
        scope.addClassName("cohort-rates-scope");
        byCohort.addColumn(CohortRatesRow::title).setHeader(getTranslation("cohort.field.title")).setKey("title").setSortable(true)
                .setFlexGrow(3);
        byCohort.addColumn(CohortRatesRow::dispCode).setHeader(getTranslation("cohort.field.disp")).setKey("disp").setSortable(true)
                .setAutoWidth(true);
        column("fill", r -> r.rates().fill());
        column("completion", r -> r.rates().completion());
        column("certification", r -> r.rates().certification());
        column("release", r -> r.rates().releaseEmployed());
        column("six-months", r -> r.rates().sixMonthEmployed());
        byCohort.addClassName("programme-rates-grid");
        byCohort.setSelectionMode(Grid.SelectionMode.NONE);
        byCohort.setEmptyStateText(getTranslation("cohort.programme.no-cohort"));
        byCohort.setItemsPageable(pageable -> service.programmeCohorts(programme.id(), pageable),
                (Pageable pageable) -> programme.cohortCount());
        byCohort.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CohortView.class,
                new RouteParameters(CohortView.COHORT_ID, String.valueOf(e.getItem().cohortId())))));
        getContent().addClassName("programme-rates");
        getContent().add(new H3(getTranslation("cohort.rates.programme.title")), scope, new RatesPanel(rates.totals()),
                new H4(getTranslation("cohort.rates.programme.by-cohort")), byCohort);
    }

    private void column(String name, Function<CohortRatesRow, Rate> rate) {
        byCohort.addColumn(row -> RatesPanel.cell(rate.apply(row))).setHeader(getTranslation("cohort.rates." + name))
                .setKey("rate-" + name).setAutoWidth(true);
    }
}

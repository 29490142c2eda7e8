package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import fr.passerelle.offer.CoverageMonth;
import java.util.List;

/**
 * Coverage of the cohort's release months: per month, the participants expected to be released against the
 * positions of the linked offers, open and already filled, with a badge saying whether the open positions suffice.
 */
class CoveragePanel extends Composite<Div> {

    final Grid<CoverageMonth> grid = new Grid<>(CoverageMonth.class, false);

    CoveragePanel() {
        var title = new H3(getTranslation("cohort.coverage.title"));
        var help = new Paragraph(getTranslation("cohort.coverage.help"));
        help.addClassName("cohort-section-help");
        grid.addColumn(m -> CohortDisplay.month(m.month())).setHeader(getTranslation("cohort.coverage.month")).setKey("month").setAutoWidth(true);
        grid.addColumn(CoverageMonth::participantsReleased).setHeader(getTranslation("cohort.coverage.released")).setKey("released")
                .setAutoWidth(true);
        grid.addColumn(CoverageMonth::openPositions).setHeader(getTranslation("cohort.coverage.open")).setKey("open").setAutoWidth(true);
        grid.addColumn(CoverageMonth::filledPositions).setHeader(getTranslation("cohort.coverage.filled")).setKey("filled").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::verdict)).setHeader(getTranslation("cohort.coverage.verdict")).setKey("verdict")
                .setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addClassName("coverage-grid");
        grid.setEmptyStateText(getTranslation("cohort.coverage.empty"));
        getContent().addClassName("cohort-coverage");
        getContent().add(title, help, grid);
    }

    void show(List<CoverageMonth> months) {
        grid.setItems(months);
    }

    private Span verdict(CoverageMonth month) {
        var badge = new Span(month.covered() ? getTranslation("cohort.coverage.covered")
                : getTranslation("cohort.coverage.missing", month.participantsReleased() - month.openPositions()));
        badge.getElement().getThemeList().add(month.covered() ? "badge success" : "badge error");
        return badge;
    }
}

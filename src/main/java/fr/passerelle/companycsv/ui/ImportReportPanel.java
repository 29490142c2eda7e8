package fr.passerelle.companycsv.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.passerelle.companycsv.ImportReport;
import fr.passerelle.companycsv.ImportRowError;

/**
 * What a dry run found or an import did: rows read, the four counts as tiles, whether anything was
 * written, and the rejected rows with their reasons and their CSV to download.
 */
class ImportReportPanel extends Div {

    /** Short error lists show whole; longer ones scroll inside the grid. */
    private static final int ERRORS_SHOWN_WHOLE = 8;

    ImportReportPanel(ImportReport report, String fileName) {
        addClassName("import-report");
        boolean dry = report.dryRun();
        var counts = new FlexLayout(count(dry ? "import.count.to-create" : "import.count.created", report.created()),
                count(dry ? "import.count.to-update" : "import.count.updated", report.updated()),
                count("import.count.unchanged", report.unchanged()), count("import.count.rejected", report.rejected()));
        counts.addClassName("import-counts");
        add(new Paragraph(getTranslation("import.rows-read", report.rows(), fileName)), counts);
        if (!dry) {
            var summary = new Paragraph(getTranslation(report.written() ? "import.done" : "import.nothing-written"));
            summary.getElement().setAttribute("role", "status");
            add(summary);
        }
        if (report.rejected() > 0) {
            add(errors(report));
            if (report.rejectedRows() != null) {
                String name = "rejets-" + fileName.replaceAll("(?i)\\.csv$", "") + ".csv";
                var download = new Anchor(DownloadHandler.forFile(report.rejectedRows().toFile(), name),
                        getTranslation("import.rejected.download"));
                download.getElement().setAttribute("download", name);
                download.addClassName("import-download");
                add(download);
            }
        }
    }

    private Component count(String key, long value) {
        var box = new Div(new Span(String.format(getLocale(), "%,d", value)), new Span(getTranslation(key)));
        box.addClassName("import-count");
        box.getElement().setAttribute("data-count", key);
        return box;
    }

    private Grid<ImportRowError> errors(ImportReport report) {
        var grid = new Grid<ImportRowError>();
        grid.addColumn(ImportRowError::line).setHeader(getTranslation("import.error.line")).setKey("line").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.column() == null ? "" : e.column()).setHeader(getTranslation("import.error.column")).setKey("column")
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.messageKey(), e.arguments())).setHeader(getTranslation("import.error.reason"))
                .setKey("reason").setFlexGrow(3);
        grid.setItems(report.errors());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (report.errors().size() <= ERRORS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("20rem");
        }
        grid.setAriaLabel(getTranslation("import.errors"));
        grid.addClassName("import-errors");
        return grid;
    }
}

package fr.passerelle.companycsv.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.companycsv.CompanyExportService;
import fr.passerelle.csv.CsvFormat;
import fr.passerelle.partner.CompanyFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.data.domain.Sort;

/**
 * Exports the companies of the list, or their contacts, with the list's filters and sort: the person
 * picks what and the format, sees how many companies that is, and downloads the file.
 */
@StyleSheet("styles/csv-export.css")
final class CompanyExportDialog extends Dialog {

    enum Content {
        COMPANIES("entreprises"), CONTACTS("contacts");

        private final String fileName;

        Content(String fileName) {
            this.fileName = fileName;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CompanyExportService exports;
    private final CompanyFilter filter;
    private final Sort sort;
    private final long companyCount;

    private final RadioButtonGroup<Content> content = new RadioButtonGroup<>();
    private final RadioButtonGroup<CsvFormat> format = new RadioButtonGroup<>();
    private final Paragraph count = new Paragraph();
    private final Anchor download = new Anchor();

    /** {@code companyCount} as the list counts them: capped, beyond ten thousand it says "more than". */
    CompanyExportDialog(CompanyExportService exports, CompanyFilter filter, Sort sort, long companyCount) {
        this.exports = exports;
        this.filter = filter;
        this.sort = sort;
        this.companyCount = companyCount;
        setHeaderTitle(getTranslation("companies.export.title"));
        addClassName("export-dialog");
        setWidth("min(34rem, 95vw)");

        content.setLabel(getTranslation("companies.export.content"));
        content.setItems(Content.values());
        content.setItemLabelGenerator(c -> getTranslation("companies.export.content." + c.key()));
        content.setValue(Content.COMPANIES);
        content.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);

        format.setLabel(getTranslation("companies.export.format"));
        format.setItems(CsvFormat.values());
        format.setItemLabelGenerator(f -> getTranslation(f == CsvFormat.EXCEL_FR ? "companies.export.format.excel" : "companies.export.format.rfc"));
        format.setValue(CsvFormat.EXCEL_FR);
        format.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);

        count.addClassName("export-count");
        count.getElement().setAttribute("role", "status");
        count.getElement().setAttribute("aria-live", "polite");
        add(content, format, count, new Paragraph(getTranslation("companies.export.scope")));

        download.addClassName("export-download");
        download.add(VaadinIcon.DOWNLOAD_ALT.create());
        download.add(getTranslation("companies.export.download"));
        content.addValueChangeListener(e -> choiceChanged());
        format.addValueChangeListener(e -> choiceChanged());
        choiceChanged();
        getFooter().add(new Button(getTranslation("action.close"), e -> close()), download);
    }

    /** Both radio groups always hold a value: they start with one and a radio button cannot be unticked. */
    private void choiceChanged() {
        Content what = content.getValue();
        count.setText(getTranslation("companies.export.count." + what.key(), companyCount));
        String fileName = fileName(what);
        download.setHref(new Download(exports, filter, sort, what, format.getValue(), fileName));
        // The URL ends with the file name (the handler's postfix); the attribute names the saved file too.
        download.getElement().setAttribute("download", fileName);
        download.setAriaLabel(getTranslation("companies.export.download.label", fileName));
    }

    static String fileName(Content what) {
        return what.fileName + "-" + DateTimeFormatter.ISO_LOCAL_DATE.format(DisplayFormats.today()) + ".csv";
    }

    /** Writes the file as the browser asks for it, straight into the response. */
    private record Download(CompanyExportService exports, CompanyFilter filter, Sort sort, Content what, CsvFormat format,
                            String fileName) implements DownloadHandler {

        @Override
        public void handleDownloadRequest(DownloadEvent event) throws IOException {
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                if (what == Content.COMPANIES) {
                    exports.exportCompanies(filter, sort, format, out);
                } else {
                    exports.exportContacts(filter, format, out);
                }
            }
        }

        @Override
        public String getUrlPostfix() {
            return fileName;
        }
    }
}

package fr.passerelle.offer.ui;

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
import fr.passerelle.csv.CsvFormat;
import fr.passerelle.offer.OfferExportService;
import fr.passerelle.offer.OfferFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import org.springframework.data.domain.Sort;

/** Exports the offers of the list with its filters and sort: the person picks the format, sees how many, downloads. */
@StyleSheet("styles/csv-export.css")
final class OfferExportDialog extends Dialog {

    private final RadioButtonGroup<CsvFormat> format = new RadioButtonGroup<>();
    private final Anchor download = new Anchor();

    OfferExportDialog(OfferExportService exports, OfferFilter filter, Sort sort, long count) {
        setHeaderTitle(getTranslation("offer.list.export.title"));
        addClassName("export-dialog");
        setWidth("min(34rem, 95vw)");
        format.setLabel(getTranslation("offer.list.export.format"));
        format.setItems(CsvFormat.values());
        format.setItemLabelGenerator(f -> getTranslation(f == CsvFormat.EXCEL_FR ? "offer.list.export.format.excel" : "offer.list.export.format.rfc"));
        format.setValue(CsvFormat.EXCEL_FR);
        format.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        var counted = new Paragraph(getTranslation("offer.list.export.count", count));
        counted.addClassName("export-count");
        add(format, counted, new Paragraph(getTranslation("offer.list.export.scope")));

        String fileName = "offres-" + DateTimeFormatter.ISO_LOCAL_DATE.format(DisplayFormats.today()) + ".csv";
        download.addClassName("export-download");
        download.add(VaadinIcon.DOWNLOAD_ALT.create());
        download.add(getTranslation("offer.list.export.download"));
        download.getElement().setAttribute("download", fileName);
        download.setAriaLabel(getTranslation("offer.list.export.download.label", fileName));
        format.addValueChangeListener(e -> download.setHref(new Download(exports, filter, sort, e.getValue(), fileName)));
        download.setHref(new Download(exports, filter, sort, format.getValue(), fileName));
        getFooter().add(new Button(getTranslation("action.close"), e -> close()), download);
    }

    /** Writes the file as the browser asks for it, straight into the response. */
    record Download(OfferExportService exports, OfferFilter filter, Sort sort, CsvFormat format, String fileName)
            implements DownloadHandler {

        @Override
        public void handleDownloadRequest(DownloadEvent event) throws IOException {
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                exports.exportOffers(filter, sort, format, out);
            }
        }

        @Override
        public String getUrlPostfix() {
            return fileName;
        }
    }
}

package fr.passerelle.companycsv.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.companycsv.CompanyExportService;
import fr.passerelle.csv.CsvFormat;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.ui.CompanyUiTest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

class CompanyExportDialogTest extends CompanyUiTest {

    @Autowired
    CompanyExportService exports;

    @Test
    void theCommunicationTeamDownloadsTheFilteredListInItsOrder() {
        signIn("admin");
        String word = token();
        createCompany(newSiret(), "Alpha " + word, "21");
        createCompany(newSiret(), "Zêta " + word, "75");
        signIn("communication");
        UI.getCurrent().navigate("entreprises");
        setValue(_get(TextField.class, spec -> spec.withLabel("Rechercher")), word);
        GridKt._sortByKey(grid(), "name", SortDirection.DESCENDING);

        Button export = _get(Button.class, spec -> spec.withText("Exporter"));
        assertThat(export.getAriaLabel()).hasValue("Exporter la liste en CSV");
        _click(export);

        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Exporter en CSV");
        assertThat(count()).isEqualTo("2 entreprises seront exportées.");
        assertThat(formatChoice().getValue()).isEqualTo(CsvFormat.EXCEL_FR);
        String fileName = "entreprises-" + DateTimeFormatter.ISO_LOCAL_DATE.format(DisplayFormats.today()) + ".csv";
        Anchor download = download();
        assertThat(download.getHref()).endsWith("/" + fileName);
        assertThat(download.getElement().getAttribute("download")).isEqualTo(fileName);
        assertThat(download.getAriaLabel()).hasValue("Télécharger le fichier " + fileName);
        String csv = new String(DownloadKt._download(download), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSIRET;Raison sociale;Enseigne;");
        assertThat(csv.lines().skip(1).map(line -> line.split(";")[1]).toList()).containsExactly("Zêta " + word, "Alpha " + word);
    }

    @Test
    void contactsInTheStandardFormatGetTheirOwnFileName() {
        signIn("admin");
        String word = token();
        createCompany(newSiret(), "Menuiserie " + word, "21");
        UI.getCurrent().navigate("entreprises");
        setValue(_get(TextField.class, spec -> spec.withLabel("Rechercher")), word);
        _click(_get(Button.class, spec -> spec.withText("Exporter")));

        setValue(contentChoice(), CompanyExportDialog.Content.CONTACTS);
        setValue(formatChoice(), CsvFormat.RFC_4180);

        assertThat(count()).isEqualTo("Les contacts d’une entreprise seront exportés.");
        assertThat(download().getHref()).endsWith("/contacts-" + DateTimeFormatter.ISO_LOCAL_DATE.format(DisplayFormats.today()) + ".csv");
        assertThat(new String(DownloadKt._download(download()), StandardCharsets.UTF_8))
                .isEqualTo(String.join(",", CompanyExportService.CONTACT_HEADERS) + "\r\n");
    }

    @Test
    void aCappedCountSaysMoreThanTenThousand() {
        signIn("referent");
        new CompanyExportDialog(exports, CompanyFilter.none(), Sort.unsorted(), 10_001).open();

        assertThat(count()).isEqualTo("Plus de 10 000 entreprises seront exportées.");
        setValue(contentChoice(), CompanyExportDialog.Content.CONTACTS);
        assertThat(count()).isEqualTo("Les contacts de plus de 10 000 entreprises seront exportés.");
        assertThat(contentChoice().getListDataView().getItems().map(contentChoice().getItemLabelGenerator()).toList())
                .isEqualTo(List.of("Entreprises", "Contacts des entreprises"));
        assertThat(formatChoice().getListDataView().getItems().map(formatChoice().getItemLabelGenerator()).toList())
                .isEqualTo(List.of("Excel (France) — UTF-8 avec BOM, point-virgule", "CSV standard (RFC 4180)"));
    }

    private static String count() {
        return _get(Paragraph.class, spec -> spec.withClasses("export-count")).getText();
    }

    private static Anchor download() {
        return _get(Anchor.class, spec -> spec.withClasses("export-download"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<CompanyExportDialog.Content> contentChoice() {
        return _get(RadioButtonGroup.class, spec -> spec.withLabel("Contenu"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<CsvFormat> formatChoice() {
        return _get(RadioButtonGroup.class, spec -> spec.withLabel("Format"));
    }
}

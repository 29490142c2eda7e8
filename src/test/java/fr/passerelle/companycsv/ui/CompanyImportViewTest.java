package fr.passerelle.companycsv.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import fr.passerelle.companycsv.ImportField;
import fr.passerelle.companycsv.ImportMode;
import fr.passerelle.companycsv.ImportRowError;
import fr.passerelle.partner.ui.CompanyUiTest;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import page, step by step: file, detected reading, columns, dry run with errors, import, summary. */
class CompanyImportViewTest extends CompanyUiTest {

    @TempDir
    Path folder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReferentUploadsChecksCorrectsTheMappingAndImportsTheValidRows() throws Exception {
        signIn("referent");
        String good = newSiret();
        String word = token();
        // As French Excel saves "CSV (séparateur : point-virgule)": Windows-1252, semicolons, CRLF.
        Path file = folder.resolve("salon.csv");
        Files.write(file, String.join("\r\n",
                "Dénomination;N° établissement;CP;Ville;Nom du contact",
                "Hôtel " + word + ";" + good + ";21000;Dijon;Durand",
                "Café " + word + ";123;21000;Dijon;",
                "").getBytes(Charset.forName("windows-1252")));
        CompanyImportView view = open();

        view.fileReceived("salon.csv", file);

        assertThat(select("Codage des caractères").getValue()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(select("Séparateur").getValue()).isEqualTo(';');
        Grid<ImportMappingPanel.Column> columns = columnsGrid();
        assertThat(GridKt._size(columns)).isEqualTo(5);
        assertThat(GridKt._getFormatted(columns, 0, "sample")).isEqualTo("Hôtel " + word);
        assertThat(view.mapping().columns()).containsExactly(ImportField.LEGAL_NAME, null, ImportField.POSTCODE, ImportField.COMMUNE,
                ImportField.CONTACT_LAST_NAME);
        // "N° établissement" is not a header the import knows: the referent says it is the SIRET.
        @SuppressWarnings("unchecked")
        ComboBox<ImportField> siretColumn = (ComboBox<ImportField>) GridKt._getCellComponent(columns, 1, "field");
        assertThat(siretColumn.getAriaLabel()).hasValue("Champ rempli par la colonne « N° établissement »");
        setValue(siretColumn, ImportField.SIRET);
        assertThat(view.mapping().field(1)).isEqualTo(ImportField.SIRET);

        _click(_get(Button.class, spec -> spec.withText("Simuler l’import")));
        MockVaadin.clientRoundtrip(false);

        @SuppressWarnings("unchecked")
        Grid<ImportRowError> errors = _get(Grid.class, spec -> spec.withClasses("import-errors"));
        assertThat(errors.getGenericDataView().getItems().toList()).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(3));
        assertThat(count("import.count.to-create")).isEqualTo("1");
        assertThat(count("import.count.rejected")).isEqualTo("1");
        assertThat(GridKt._getFormatted(errors, 0, "line")).isEqualTo("3");
        assertThat(GridKt._getFormatted(errors, 0, "column")).isEqualTo("N° établissement");
        assertThat(GridKt._getFormatted(errors, 0, "reason")).isEqualTo("Un SIRET compte 14 chiffres (les espaces sont acceptés).");
        assertThat(_get(Anchor.class, spec -> spec.withText("Télécharger les lignes rejetées (CSV avec le motif)")).getHref())
                .contains("rejets-salon.csv");
        Button apply = _get(Button.class, spec -> spec.withText("Importer (1 entreprises)"));
        assertThat(apply.isEnabled()).as("all or nothing, with a rejected row").isFalse();
        assertThat(paragraphs()).anyMatch(p -> p.startsWith("Mode « tout ou rien »"));
        assertThat(companyExists(good)).isFalse();

        setValue(mode(), ImportMode.VALID_ROWS_ONLY);
        _click(_get(Button.class, spec -> spec.withText("Simuler l’import")));
        MockVaadin.clientRoundtrip(false);
        _click(_get(Button.class, spec -> spec.withText("Importer (1 entreprises)")));
        MockVaadin.clientRoundtrip(false);

        assertThat(count("import.count.created")).isEqualTo("1");
        assertThat(paragraphs()).contains("Import terminé et enregistré dans l’historique des entreprises.");
        assertThat(companyExists(good)).isTrue();
        assertThat(_get(Anchor.class, spec -> spec.withText("Voir les entreprises")).getHref()).isEqualTo("entreprises");
    }

    @Test
    void aSpreadsheetIsRefusedWithAFrenchExplanation() throws Exception {
        signIn("admin");
        Path workbook = folder.resolve("liste.xlsx");
        Files.write(workbook, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});
        CompanyImportView view = open();

        view.fileReceived("liste.xlsx", workbook);

        assertThat(_get(Span.class, spec -> spec.withClasses("import-file-error")).getText())
                .startsWith("Ce fichier est un classeur (Excel ou LibreOffice), pas un fichier CSV.");
        assertThat(_find(Grid.class, spec -> spec.withClasses("import-columns"))).as("no columns step for a file that is not a CSV").isEmpty();
    }

    @Test
    void communicationOfficersCannotImport() {
        signIn("communication");
        assertAccessDenied(CompanyImportView.class);
    }

    private CompanyImportView open() {
        UI.getCurrent().navigate(CompanyImportView.class);
        MockVaadin.clientRoundtrip(false);
        CompanyImportView view = (CompanyImportView) UI.getCurrent().getCurrentView();
        view.executor = Runnable::run;
        return view;
    }

    @SuppressWarnings("unchecked")
    private static Select<Object> select(String label) {
        return _get(Select.class, spec -> spec.withLabel(label));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ImportMappingPanel.Column> columnsGrid() {
        return _get(Grid.class, spec -> spec.withClasses("import-columns"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<ImportMode> mode() {
        return _get(RadioButtonGroup.class, spec -> spec.withLabel("Si des lignes sont rejetées"));
    }

    private static String count(String key) {
        return _find(Div.class, spec -> spec.withClasses("import-count")).stream()
                .filter(d -> key.equals(d.getElement().getAttribute("data-count")))
                .map(d -> d.getChildren().findFirst().orElseThrow().getElement().getText()).findFirst().orElseThrow();
    }

    private static List<String> paragraphs() {
        return _find(Paragraph.class).stream().map(Paragraph::getText).toList();
    }

    private boolean companyExists(String siret) {
        return jdbc.sql("select exists (select 1 from company where siret = :s)").param("s", siret).query(Boolean.class).single();
    }
}

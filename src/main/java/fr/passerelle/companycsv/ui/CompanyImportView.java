package fr.passerelle.companycsv.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.companycsv.CompanyImportService;
import fr.passerelle.companycsv.ImportField;
import fr.passerelle.companycsv.ImportMapping;
import fr.passerelle.companycsv.ImportMode;
import fr.passerelle.companycsv.ImportProgress;
import fr.passerelle.companycsv.ImportReport;
import fr.passerelle.companycsv.ImportRequest;
import fr.passerelle.csv.CsvDialect;
import fr.passerelle.csv.CsvException;
import fr.passerelle.csv.CsvFiles;
import fr.passerelle.csv.CsvReader;
import fr.passerelle.csv.CsvRecord;
import fr.passerelle.csv.DetectedCsv;
import fr.passerelle.partner.PartnerException;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.util.unit.DataSize;

/**
 * Importing companies and contacts from a CSV file, in four steps on one page: the file (size limited,
 * spreadsheets and binary files refused with a French message), how it is read and which column fills
 * which field (saved mappings), a dry run with every rejected row, then the import itself with a
 * progress bar that can be cancelled and a summary. Long work runs off the UI thread; the page polls.
 */
@Route("entreprises/import")
@StyleSheet("styles/import.css")
@Menu(order = 22, title = "nav.import", icon = "vaadin:upload")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME})
class CompanyImportView extends Main implements HasDynamicTitle {

    static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1);
    static final List<Character> DELIMITERS = List.of(';', ',', '\t');
    private static final Logger log = LoggerFactory.getLogger(CompanyImportView.class);

    private final CompanyImportService imports;
    private final long maxFileSize;
    /** Runs the dry run and the import; tests run them on the calling thread. */
    Executor executor;

    private final Upload upload;
    private final Span fileError = new Span();
    private final Div readingStep = new Div();
    private final Div resultStep = new Div();
    private final Select<Charset> encoding = new Select<>();
    private final Select<Character> delimiter = new Select<>();
    private final ImportMappingPanel columns;
    private final RadioButtonGroup<ImportMode> mode = new RadioButtonGroup<>();
    private final ImportProgressPanel progress = new ImportProgressPanel();

    private @Nullable Path file;
    private String fileName = "";
    /** Set while the detected dialect is shown, so that showing it does not read the file again. */
    private boolean detecting;

    CompanyImportView(CompanyImportService imports, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
                      @Value("${passerelle.import.max-file-size:50MB}") DataSize maxFileSize) {
        this.imports = imports;
        this.executor = executor;
        this.maxFileSize = maxFileSize.toBytes();
        this.columns = new ImportMappingPanel(imports, () -> resultStep.setVisible(false));
        addClassName("import-view");
        add(new ViewToolbar(new H2(getTranslation("import.title"))));
        add(new Paragraph(getTranslation("import.intro")));

        upload = new Upload(UploadHandler.toTempFile((metadata, received) -> {
            UI ui = UI.getCurrent();
            Path path = received.toPath();
            if (ui != null) {
                ui.access(() -> fileReceived(metadata.fileName(), path));
            }
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, this.maxFileSize));
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setI18n(uploadTexts());
        upload.setDropLabel(new Span(getTranslation("import.upload.drop", DataSize.ofBytes(this.maxFileSize).toMegabytes())));
        upload.addFileRejectedListener(e -> showFileError(e.getErrorMessage()));
        upload.getElement().setAttribute("aria-label", getTranslation("import.upload.label"));
        fileError.addClassName("import-file-error");
        fileError.getElement().setAttribute("role", "alert");
        add(section("import.step.file"), upload, fileError, readingStep, resultStep);
        readingStep.setVisible(false);
        resultStep.setVisible(false);
        buildReadingStep();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title");
    }

    private H2 section(String key) {
        var title = new H2(getTranslation(key));
        title.addClassName("import-step-title");
        return title;
    }

    // ---- Step 1: the file ----

    /** A file arrived: what it is read as, and its columns. Package-private so tests hand over files directly. */
    void fileReceived(String name, Path path) {
        fileError.setText("");
        resultStep.setVisible(false);
        try {
            DetectedCsv detected = CsvFiles.detect(path);
            file = path;
            fileName = name;
            detecting = true;
            try {
                encoding.setValue(detected.dialect().charset());
                delimiter.setValue(detected.dialect().delimiter());
            } finally {
                detecting = false;
            }
            showColumns(detected.header());
            readingStep.setVisible(true);
        } catch (CsvException e) {
            file = null;
            readingStep.setVisible(false);
            showFileError(getTranslation(e.key(), e.arguments()));
        } catch (IOException e) {
            file = null;
            readingStep.setVisible(false);
            showFileError(getTranslation("import.error.file-unreadable"));
        }
    }

    private void showFileError(String message) {
        fileError.setText(message);
        Notifications.error(message);
    }

    // ---- Step 2: reading and columns ----

    private void buildReadingStep() {
        encoding.setLabel(getTranslation("import.encoding"));
        encoding.setWidth("24rem");
        encoding.setItems(ENCODINGS);
        encoding.setItemLabelGenerator(c -> getTranslation("import.encoding." + c.name().toLowerCase(java.util.Locale.ROOT)));
        delimiter.setLabel(getTranslation("import.delimiter"));
        delimiter.setWidth("14rem");
        delimiter.setItems(DELIMITERS);
        delimiter.setItemLabelGenerator(d -> getTranslation(switch (d) {
            case ';' -> "import.delimiter.semicolon";
            case ',' -> "import.delimiter.comma";
            default -> "import.delimiter.tab";
        }));
        encoding.addValueChangeListener(e -> {
            if (!detecting) {
                reread();
            }
        });
        delimiter.addValueChangeListener(e -> {
            if (!detecting) {
                reread();
            }
        });

        mode.setLabel(getTranslation("import.mode"));
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("import.mode." + m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        mode.setValue(ImportMode.ALL_OR_NOTHING);
        // The dry run's verdict depends on the mode: changing it asks for a new one.
        mode.addValueChangeListener(e -> resultStep.setVisible(false));

        var check = new Button(getTranslation("import.dry-run"), VaadinIcon.SEARCH.create(), e -> startDryRun());
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var dialect = new FlexLayout(encoding, delimiter);
        dialect.addClassName("import-row");
        readingStep.add(section("import.step.reading"), new Paragraph(getTranslation("import.reading.help")), dialect,
                section("import.step.columns"), new Paragraph(getTranslation("import.columns.help")), columns, mode, check);
    }

    ImportMapping mapping() {
        return columns.mapping();
    }

    /** Maps a column to a field (null: ignored), as the column's picker does. */
    void setField(int column, @Nullable ImportField field) {
        columns.setField(column, field);
    }

    private void reread() {
        if (file == null || encoding.getValue() == null || delimiter.getValue() == null) {
            return;
        }
        try (CsvReader reader = CsvFiles.open(file, dialect())) {
            showColumns(reader.header());
        } catch (CsvException e) {
            showFileError(getTranslation(e.key(), e.arguments()));
        } catch (IOException e) {
            showFileError(getTranslation("import.error.file-unreadable"));
        }
    }

    private void showColumns(List<String> newHeader) {
        columns.show(newHeader, sampleRow());
    }

    private List<String> sampleRow() {
        if (file == null) {
            return List.of();
        }
        try (CsvReader reader = CsvFiles.open(file, dialect())) {
            Iterator<CsvRecord> records = reader.iterator();
            return records.hasNext() ? records.next().values() : List.of();
        } catch (IOException | CsvException | RuntimeException e) {
            return List.of();
        }
    }

    private CsvDialect dialect() {
        return new CsvDialect(encoding.getValue() == null ? StandardCharsets.UTF_8 : encoding.getValue(),
                delimiter.getValue() == null ? ';' : delimiter.getValue());
    }

    // ---- Steps 3 and 4: dry run, then import ----

    private void startDryRun() {
        run(true);
    }

    private void startImport() {
        run(false);
    }

    private void run(boolean dry) {
        if (file == null) {
            return;
        }
        if (!mapping().maps(ImportField.SIRET)) {
            showFileError(getTranslation("import.error.no-siret-column"));
            return;
        }
        var request = new ImportRequest(file, fileName, dialect(), mapping(), mode.getValue(), dry);
        UI ui = UI.getCurrent();
        resultStep.removeAll();
        resultStep.setVisible(true);
        resultStep.add(section(dry ? "import.step.dry-run" : "import.step.import"), progress);
        readingStep.setEnabled(false);
        upload.setVisible(false);
        ImportProgress running = progress.start(ui, dry ? "import.progress.checking" : "import.progress.importing");
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                ImportReport report = imports.run(request, running);
                ui.access(() -> finished(report));
            } catch (CompanyImportService.ImportCancelledException e) {
                ui.access(this::wasCancelled);
            } catch (CsvException e) {
                ui.access(() -> failed(getTranslation(e.key(), e.arguments())));
            } catch (PartnerException e) {
                ui.access(() -> failed(getTranslation(e.messageKey(), e.arguments())));
            } catch (IOException | RuntimeException e) {
                log.error("Import of {} failed", fileName, e);
                ui.access(() -> failed(getTranslation("import.error.failed")));
            }
        }));
    }

    private void done(String message) {
        progress.stop(UI.getCurrent(), message);
        readingStep.setEnabled(true);
        upload.setVisible(true);
    }

    private void wasCancelled() {
        done(getTranslation("import.cancelled"));
        Notifications.success(getTranslation("import.cancelled"));
    }

    private void failed(String message) {
        done(message);
        Notifications.error(message);
    }

    private void finished(ImportReport report) {
        done("");
        resultStep.removeAll();
        resultStep.add(section(report.dryRun() ? "import.step.dry-run" : "import.step.summary"));
        resultStep.add(new ImportReportPanel(report, fileName));
        if (report.dryRun()) {
            boolean blocked = mode.getValue() == ImportMode.ALL_OR_NOTHING && report.rejected() > 0;
            boolean nothing = report.created() + report.updated() == 0;
            var apply = new Button(getTranslation("import.apply", report.created() + report.updated()), VaadinIcon.CHECK.create(),
                    e -> startImport());
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            apply.setEnabled(!blocked && !nothing);
            var back = new Button(getTranslation("import.back-to-columns"), e -> resultStep.setVisible(false));
            resultStep.add(new ViewToolbar(back, apply));
            if (blocked) {
                resultStep.add(new Paragraph(getTranslation("import.apply.blocked")));
            } else if (nothing) {
                resultStep.add(new Paragraph(getTranslation("import.apply.nothing")));
            }
        } else {
            var list = new Anchor("entreprises", getTranslation("import.to-companies"));
            var again = new Button(getTranslation("import.again"), e -> UI.getCurrent().getPage().reload());
            resultStep.add(new ViewToolbar(list, again));
        }
    }

    private UploadI18N uploadTexts() {
        var i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.upload.drop-one")).setMany(getTranslation("import.upload.drop-one")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.upload.add")).setMany(getTranslation("import.upload.add")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("import.upload.too-many"))
                .setFileIsTooBig(getTranslation("import.upload.too-big", DataSize.ofBytes(maxFileSize).toMegabytes()))
                .setIncorrectFileType(getTranslation("import.upload.wrong-type")));
        i18n.setFile(new UploadI18N.File().setRemove(getTranslation("import.upload.remove")).setRetry(getTranslation("import.upload.retry"))
                .setStart(getTranslation("import.upload.start")));
        return i18n;
    }

    /** The staged upload goes once the view does. */
    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file: the system cleans it up
            }
        }
    }
}

package fr.passerelle.companycsv.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.companycsv.CompanyImportService;
import fr.passerelle.companycsv.ImportField;
import fr.passerelle.companycsv.ImportMapping;
import fr.passerelle.partner.PartnerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which column of the file fills which field: one row per column with its first value and a field
 * picker, guessed from the headers, correctable, and saved or applied by name for the next file of
 * the same source. Every change is reported, since it makes an earlier dry run stale.
 */
class ImportMappingPanel extends Div {

    /** A column of the file, with a sample value. */
    record Column(int index, String header, String sample) {
    }

    private final CompanyImportService imports;
    private final Runnable onChange;
    private final Grid<Column> columns = new Grid<>();
    private final ComboBox<String> savedMappings = new ComboBox<>();
    private final TextField mappingName = new TextField();
    private List<String> header = List.of();
    private ImportMapping mapping = new ImportMapping(List.of());

    ImportMappingPanel(CompanyImportService imports, Runnable onChange) {
        this.imports = imports;
        this.onChange = onChange;
        columns.addColumn(Column::header).setHeader(getTranslation("import.column.header")).setKey("header").setFlexGrow(2);
        columns.addColumn(Column::sample).setHeader(getTranslation("import.column.sample")).setKey("sample").setFlexGrow(2);
        columns.addComponentColumn(this::fieldPicker).setHeader(getTranslation("import.column.field")).setKey("field").setFlexGrow(3);
        columns.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        columns.setAllRowsVisible(true);
        columns.setAriaLabel(getTranslation("import.columns"));
        columns.addClassName("import-columns");

        savedMappings.setLabel(getTranslation("import.mapping.saved"));
        savedMappings.setWidth("18rem");
        savedMappings.setPlaceholder(getTranslation("import.mapping.saved.placeholder"));
        savedMappings.setClearButtonVisible(true);
        savedMappings.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                applySaved(e.getValue());
            }
        });
        mappingName.setLabel(getTranslation("import.mapping.name"));
        mappingName.setWidth("18rem");
        mappingName.setPlaceholder(getTranslation("import.mapping.name.placeholder"));
        var save = new Button(getTranslation("import.mapping.save"), VaadinIcon.BOOKMARK.create(), e -> save());

        var mappings = new FlexLayout(savedMappings, mappingName, save);
        mappings.addClassName("import-row");
        mappings.setAlignItems(FlexLayout.Alignment.BASELINE);
        add(mappings, columns);
    }

    /** A file's columns (its header and first row), mapped as their headers suggest. */
    void show(List<String> newHeader, List<String> sample) {
        header = List.copyOf(newHeader);
        mapping = ImportMapping.guess(header);
        List<Column> rows = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            rows.add(new Column(i, header.get(i).isBlank() ? getTranslation("import.column.untitled", i + 1) : header.get(i),
                    i < sample.size() ? sample.get(i) : ""));
        }
        columns.setItems(rows);
        savedMappings.setItems(imports.mappingNames());
    }

    ImportMapping mapping() {
        return mapping;
    }

    /** Maps a column to a field (null: ignored); the column that had the field loses it. */
    void setField(int column, @Nullable ImportField field) {
        changed(mapping.with(column, field));
    }

    private void changed(ImportMapping newMapping) {
        mapping = newMapping;
        columns.getDataProvider().refreshAll();
        onChange.run();
    }

    private Component fieldPicker(Column column) {
        var picker = new ComboBox<ImportField>();
        picker.setItems(ImportField.values());
        picker.setItemLabelGenerator(f -> getTranslation(f.translationKey()));
        picker.setPlaceholder(getTranslation("import.column.ignored"));
        picker.setClearButtonVisible(true);
        picker.setAriaLabel(getTranslation("import.column.field.label", column.header()));
        picker.setValue(mapping.field(column.index()));
        picker.setWidthFull();
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() || !Objects.equals(e.getValue(), mapping.field(column.index()))) {
                setField(column.index(), e.getValue());
            }
        });
        return picker;
    }

    private void applySaved(String name) {
        try {
            changed(ImportMapping.saved(header, imports.mapping(name)));
            mappingName.setValue(name);
            Notifications.success(getTranslation("import.mapping.applied", name));
        } catch (PartnerException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void save() {
        mappingName.setInvalid(false);
        try {
            imports.saveMapping(mappingName.getValue(), header, mapping);
            savedMappings.setItems(imports.mappingNames());
            Notifications.success(getTranslation("import.mapping.saved-as", mappingName.getValue().strip()));
        } catch (PartnerException e) {
            mappingName.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            mappingName.setInvalid(true);
        }
    }
}

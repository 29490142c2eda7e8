package fr.passerelle.companycsv;

import fr.passerelle.partner.PartnerException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which field each column of a file fills ({@code null}: the column is ignored). A field is filled by
 * one column at most.
 */
public record ImportMapping(List<@Nullable ImportField> columns) {

    public ImportMapping {
        columns = Collections.unmodifiableList(new ArrayList<>(columns));
        Set<ImportField> seen = EnumSet.noneOf(ImportField.class);
        for (ImportField field : columns) {
            if (field != null && !seen.add(field)) {
                throw new PartnerException("mapping", "import.error.field-twice", field.translationKey());
            }
        }
    }

    /** The mapping the headers suggest; a field named by two headers goes to the first. */
    public static ImportMapping guess(List<String> header) {
        return fromNames(header, name -> ImportField.ofHeader(name).orElse(null));
    }

    /**
     * A saved mapping applied to a new file: each header takes the field saved for it (compared as
     * {@link ImportField#headerKey}); headers the mapping does not know are guessed.
     */
    public static ImportMapping saved(List<String> header, Map<String, ImportField> byHeaderKey) {
        return fromNames(header, name -> byHeaderKey.containsKey(ImportField.headerKey(name))
                ? byHeaderKey.get(ImportField.headerKey(name)) : ImportField.ofHeader(name).orElse(null));
    }

    private static ImportMapping fromNames(List<String> header, java.util.function.Function<String, @Nullable ImportField> field) {
        Set<ImportField> taken = EnumSet.noneOf(ImportField.class);
        List<@Nullable ImportField> columns = new ArrayList<>();
        for (String name : header) {
            ImportField candidate = field.apply(name);
            columns.add(candidate != null && taken.add(candidate) ? candidate : null);
        }
        return new ImportMapping(columns);
    }

    /** The same mapping with one column changed; a field taken from another column leaves it. */
    public ImportMapping with(int column, @Nullable ImportField field) {
        List<@Nullable ImportField> changed = new ArrayList<>(columns);
        if (field != null) {
            changed.replaceAll(f -> f == field ? null : f);
        }
        changed.set(column, field);
        return new ImportMapping(changed);
    }

    public @Nullable ImportField field(int column) {
        return column < columns.size() ? columns.get(column) : null;
    }

    public boolean maps(ImportField field) {
        return columns.contains(field);
    }

    public int column(ImportField field) {
        return columns.indexOf(field);
    }

    /** What a saved mapping stores: each mapped header's key with its field. */
    public Map<String, ImportField> byHeaderKey(List<String> header) {
        Map<String, ImportField> saved = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < columns.size(); i++) {
            ImportField field = columns.get(i);
            if (field != null) {
                saved.put(ImportField.headerKey(header.get(i)), field);
            }
        }
        return saved;
    }

    public long mappedCount() {
        return columns.stream().filter(Objects::nonNull).count();
    }
}

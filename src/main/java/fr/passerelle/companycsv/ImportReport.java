package fr.passerelle.companycsv;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import found, or did: rows read, companies to create or update (same SIRET), rows that
 * change nothing, rows rejected with their reasons ({@code errors} keeps the first
 * {@link CompanyImportService#ERRORS_KEPT}; {@code rejectedRows} is a CSV of every rejected row with
 * a reason column). {@code written} is false for a dry run and for an all-or-nothing import with
 * rejected rows; {@code importId} is the import's record when it wrote.
 */
public record ImportReport(long rows, long created, long updated, long unchanged, long rejected, List<ImportRowError> errors,
                           @Nullable Path rejectedRows, boolean dryRun, boolean written, @Nullable Long importId) {

    public ImportReport {
        errors = List.copyOf(errors);
    }
}

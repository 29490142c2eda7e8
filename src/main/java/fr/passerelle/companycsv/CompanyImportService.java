package fr.passerelle.companycsv;

import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.Translations;
import fr.passerelle.csv.CsvException;
import fr.passerelle.csv.CsvFiles;
import fr.passerelle.csv.CsvFormat;
import fr.passerelle.csv.CsvReader;
import fr.passerelle.csv.CsvRecord;
import fr.passerelle.csv.CsvWriter;
import fr.passerelle.csv.UncheckedCsvException;
import fr.passerelle.partner.CompanyBulkWriter;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PartnerScope;
import fr.passerelle.reference.ReferenceService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports companies and their contacts from a CSV file, as a dry run or for real, in one transaction:
 * <ol>
 * <li>the file is streamed; each row is checked and normalised in Java ({@link ImportRowChecker}) and
 * the valid ones are sent with {@code COPY} into a temporary staging table;</li>
 * <li>set-based SQL in partner's {@link CompanyBulkWriter} then rejects a SIRET seen twice in the file, a
 * company outside the importer's DISP,
 * a new company without a name or department, and classifies the rest: to create, to update (same SIRET,
 * some filled field differs), unchanged; a row's contact is matched by e-mail (else by name);</li>
 * <li>when it writes, a handful of statements insert and update the companies and contacts (only the
 * fields the file fills), record the first pipeline step, write the audit rows (the same tables as
 * Hibernate Envers, under one revision with the importer's name) and the import's record.</li>
 * </ol>
 * A cancelled or failed import rolls back: the database stays as it was. Memory does not grow with the
 * file: rows stream through; only the rejected rows' reasons are kept, for the report.
 */
@Service
public class CompanyImportService {

    private static final Logger log = LoggerFactory.getLogger(CompanyImportService.class);

    /** How many row errors the report lists; the rejected-rows file has them all. */
    public static final int ERRORS_KEPT = 1_000;
    private static final int COPY_BUFFER = 1 << 16;
    private static final String CANCELLED_SQL_STATE = "57014";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PartnerScope scope;
    private final CompanyBulkWriter bulk;
    private final ReferenceService reference;
    private final Translations translations;

    CompanyImportService(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager, PartnerScope scope,
                         CompanyBulkWriter bulk, ReferenceService reference, Translations translations) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.scope = scope;
        this.bulk = bulk;
        this.reference = reference;
        this.translations = translations;
    }

    /** The import was cancelled; nothing was written. */
    public static class ImportCancelledException extends RuntimeException {
        ImportCancelledException() {
            super("import cancelled");
        }
    }

    /**
     * Reads, checks and (unless it is a dry run, or an all-or-nothing import with rejected rows) writes the
     * file. Throws {@link PartnerException} when the file cannot be imported at all (no SIRET column, a
     * company field mapped twice…), {@link CsvException} when it cannot be read, and
     * {@link ImportCancelledException} when {@code progress} asked to stop.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public ImportReport run(ImportRequest request, ImportProgress progress) throws CsvException, IOException {
        if (!request.mapping().maps(ImportField.SIRET)) {
            throw new PartnerException("mapping", "import.error.no-siret-column");
        }
        SignedInUser user = scope.user();
        var rejected = new LinkedHashMap<Long, List<ImportRowError>>();
        var outcome = new Outcome();
        AtomicBoolean finished = new AtomicBoolean();
        try {
            transactions.executeWithoutResult(status -> {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                Thread watchdog = Thread.ofVirtual().start(() -> cancelWhenAsked(progress, backend, finished));
                try {
                    stage(connection, request, progress, rejected, outcome);
                    check(!request.dryRun(), progress, rejected, outcome);
                    boolean write = !request.dryRun() && outcome.toWrite() > 0
                            && (request.mode() == ImportMode.VALID_ROWS_ONLY || outcome.rejected == 0);
                    if (write) {
                        outcome.importId = write(user, request, progress, outcome);
                    }
                    if (progress.cancelled()) {
                        throw new ImportCancelledException();
                    }
                    if (!write) {
                        status.setRollbackOnly();
                    }
                } catch (SQLException | IOException | CsvException e) {
                    throw new ImportFailure(e);
                } finally {
                    finished.set(true);
                    watchdog.interrupt();
                }
            });
        } catch (ImportFailure failure) {
            Throwable cause = failure.getCause();
            if (cause instanceof CsvException csv) {
                throw csv;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cancelledOr(cause);
        } catch (DataAccessException e) {
            throw cancelledOr(e);
        } catch (UncheckedCsvException e) {
            // A byte the encoding cannot read, or a quote never closed, in the middle of the file.
            throw (CsvException) e.getCause();
        }
        List<ImportRowError> errors = rejected.values().stream().flatMap(List::stream).limit(ERRORS_KEPT).toList();
        Path rejectedRows;
        try {
            rejectedRows = rejected.isEmpty() ? null : rejectedRows(request, rejected);
        } catch (UncheckedCsvException e) {
            throw (CsvException) e.getCause();
        }
        log.info("Import of {} by {}: {} rows, {} to create, {} to update, {} unchanged, {} rejected, {}", request.fileName(),
                user.username(), outcome.rows, outcome.created, outcome.updated, outcome.unchanged, outcome.rejected,
                request.dryRun() ? "dry run" : outcome.importId != null ? "written (import " + outcome.importId + ")" : "nothing written");
        return new ImportReport(outcome.rows, outcome.created, outcome.updated, outcome.unchanged, outcome.rejected, errors,
                rejectedRows, request.dryRun(), outcome.importId != null, outcome.importId);
    }

    /** A translated reason, as the report and the rejected-rows file give it. */
    public String message(ImportRowError error) {
        return translations.getTranslation(error.messageKey(), Translations.FRENCH, error.arguments());
    }

    private RuntimeException cancelledOr(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ImportCancelledException cancelled) {
                return cancelled;
            }
            if (t instanceof PSQLException sql && CANCELLED_SQL_STATE.equals(sql.getSQLState())) {
                return new ImportCancelledException();
            }
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** Stops a long statement when the person cancels: the import's own connection is busy running it. */
    private void cancelWhenAsked(ImportProgress progress, int backend, AtomicBoolean finished) {
        try {
            while (!finished.get()) {
                if (progress.cancelled()) {
                    jdbc.sql("select pg_cancel_backend(:pid)").param("pid", backend).query(Boolean.class).single();
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not cancel the import's statement", e);
        }
    }

    private static final class ImportFailure extends RuntimeException {
        ImportFailure(Exception cause) {
            super(cause);
        }
    }

    /** The counts as they are worked out. */
    private static final class Outcome {
        long rows;
        long created;
        long updated;
        long unchanged;
        long rejected;
        @Nullable Long importId;

        long toWrite() {
            return created + updated;
        }
    }

    // ---- 1. Reading: check each row, COPY the valid ones into the staging table ----

    private static final String STAGING_COLUMNS = String.join(", ", CompanyBulkWriter.STAGING_COLUMNS);

    private void stage(Connection connection, ImportRequest request, ImportProgress progress,
                       Map<Long, List<ImportRowError>> rejected, Outcome outcome) throws SQLException, IOException, CsvException {
        bulk.createStagingTable();
        Set<String> nafCodes = new HashSet<>(jdbc.sql("select code from naf_sub_class where active").query(String.class).list());
        var departments = reference.departments();
        long totalLines = Math.max(1, countLines(request.file()));
        // From here until endCopy() the connection carries the COPY: no other statement may use it.
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + CompanyBulkWriter.STAGING_TABLE + " (" + STAGING_COLUMNS + ") from stdin");
        try (CsvReader reader = CsvFiles.open(request.file(), request.dialect())) {
            var checker = new ImportRowChecker(request.mapping(), reader.header(), nafCodes, departments);
            var buffer = new CopyRowBuffer(COPY_BUFFER * 2);
            for (CsvRecord record : reader) {
                outcome.rows++;
                ImportRowChecker.Checked checked = checker.check(record.line(), record.values());
                if (checked.row() == null) {
                    rejected.put(record.line(), checked.errors());
                    outcome.rejected++;
                } else {
                    buffer.row(checked.row());
                }
                if (buffer.size() >= COPY_BUFFER) {
                    flush(copy, buffer);
                    if (progress.cancelled()) {
                        throw new ImportCancelledException();
                    }
                    progress.update(ImportProgress.Phase.READING, Math.min(record.line(), totalLines), totalLines);
                }
            }
            flush(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        progress.update(ImportProgress.Phase.READING, totalLines, totalLines);
    }

    private static long countLines(Path file) throws IOException {
        long lines = 0;
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines + 1;
    }

    private static void flush(CopyIn copy, CopyRowBuffer buffer) throws SQLException {
        if (buffer.size() > 0) {
            copy.writeToCopy(buffer.array(), 0, buffer.size());
            buffer.clear();
        }
    }

    // ---- 2. Checking in SQL: the import's plan ----

    /**
     * Partner's bulk writer plans every staged row in SQL (what needs the database: a SIRET twice in the file,
     * the importer's DISP, the existing companies and contacts); its rejections join the rows checked in Java.
     */
    private void check(boolean mayWrite, ImportProgress progress, Map<Long, List<ImportRowError>> rejected, Outcome outcome) {
        int steps = 2;
        progress.update(ImportProgress.Phase.CHECKING, 0, steps);
        bulk.plan(mayWrite);
        progress.update(ImportProgress.Phase.CHECKING, 1, steps);
        CompanyBulkWriter.Plan plan = bulk.readPlan(row -> rejected.computeIfAbsent(row.line(), l -> new ArrayList<>())
                .add(new ImportRowError(row.line(), null, messageKey(row.reason()),
                        row.argument() == null ? new Object[0] : new Object[] {row.argument()})));
        outcome.rejected += plan.rejected();
        outcome.created = plan.created();
        outcome.updated = plan.updated();
        outcome.unchanged = plan.unchanged();
        progress.update(ImportProgress.Phase.CHECKING, steps, steps);
    }

    private static String messageKey(CompanyBulkWriter.Rejection reason) {
        return switch (reason) {
            case SIRET_TWICE -> "import.error.siret-twice";
            case LEGAL_NAME_REQUIRED -> "import.error.legal-name-required-new";
            case DEPARTMENT_REQUIRED -> "import.error.department-required-new";
            case OTHER_DISP -> "import.error.other-disp";
        };
    }

    // ---- 3. Writing ----

    /** Partner's bulk writer writes the plan under one audit revision; the import's record points at it. */
    private long write(SignedInUser user, ImportRequest request, ImportProgress progress, Outcome outcome) {
        int steps = CompanyBulkWriter.WRITE_STEPS + 1;
        progress.update(ImportProgress.Phase.WRITING, 0, steps);
        long revision = bulk.write(done -> step(progress, done, steps));
        long importId = jdbc.sql("""
                        insert into company_import (imported_by, file_name, mode, rows_read, created, updated, unchanged, rejected,
                                                    revision_id)
                        values (:user, :file, :mode, :rows, :created, :updated, :unchanged, :rejected, :rev) returning id""")
                .param("user", user.username()).param("file", request.fileName()).param("mode", request.mode().name())
                .param("rows", outcome.rows).param("created", outcome.created).param("updated", outcome.updated)
                .param("unchanged", outcome.unchanged).param("rejected", outcome.rejected).param("rev", revision)
                .query(Long.class).single();
        step(progress, steps, steps);
        return importId;
    }

    private static void step(ImportProgress progress, int done, int steps) {
        if (progress.cancelled()) {
            throw new ImportCancelledException();
        }
        progress.update(ImportProgress.Phase.WRITING, done, steps);
    }


    // ---- The rejected rows, as a CSV to correct and import again ----

    private Path rejectedRows(ImportRequest request, Map<Long, List<ImportRowError>> rejected) throws IOException, CsvException {
        Path out = Files.createTempFile("passerelle-rejected-", ".csv");
        out.toFile().deleteOnExit();
        try (CsvReader reader = CsvFiles.open(request.file(), request.dialect());
             OutputStream stream = Files.newOutputStream(out);
             CsvWriter writer = CsvWriter.open(stream, CsvFormat.EXCEL_FR)) {
            List<String> header = new ArrayList<>(reader.header());
            header.add(translations.getTranslation("import.rejected.line", Translations.FRENCH));
            header.add(translations.getTranslation("import.rejected.reason", Translations.FRENCH));
            writer.row(header);
            for (CsvRecord record : reader) {
                List<ImportRowError> errors = rejected.get(record.line());
                if (errors != null) {
                    List<Object> row = new ArrayList<>(record.values());
                    while (row.size() < reader.header().size()) {
                        row.add("");
                    }
                    row.add(record.line());
                    row.add(errors.stream().map(e -> (e.column() == null ? "" : e.column() + " : ") + message(e))
                            .collect(Collectors.joining(" ; ")));
                    writer.row(row);
                }
            }
        }
        return out;
    }

    // ---- Saved mappings ----

    /** The saved mappings' names, alphabetically. */
    public List<String> mappingNames() {
        return jdbc.sql("select name from import_mapping order by lower(name)").query(String.class).list();
    }

    /** A saved mapping: each header's key with its field. */
    public Map<String, ImportField> mapping(String name) {
        String json = jdbc.sql("select columns::text from import_mapping where lower(name) = lower(:name)").param("name", name)
                .query(String.class).optional()
                .orElseThrow(() -> new PartnerException("mapping", "import.error.mapping-unknown", name));
        Map<String, ImportField> columns = new LinkedHashMap<>();
        jdbc.sql("select key, value from jsonb_each_text(cast(:json as jsonb))").param("json", json).query(rs -> {
            try {
                columns.put(rs.getString(1), ImportField.valueOf(rs.getString(2)));
            } catch (IllegalArgumentException e) {
                log.warn("Saved mapping {} names an unknown field {}", name, rs.getString(2));
            }
        });
        return columns;
    }

    /** Saves (or replaces) a mapping under a name, for the next file of the same source. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public void saveMapping(String name, List<String> header, ImportMapping mapping) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new PartnerException("mappingName", "import.error.mapping-name-required");
        }
        String columns = mapping.byHeaderKey(header).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().name() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        transactions.executeWithoutResult(status -> {
            int changed = jdbc.sql("""
                            update import_mapping set columns = cast(:columns as jsonb), saved_by = :user, saved_at = now()
                            where lower(name) = lower(:name)""")
                    .param("columns", columns).param("user", scope.user().username()).param("name", trimmed).update();
            if (changed == 0) {
                jdbc.sql("insert into import_mapping (name, columns, saved_by) values (:name, cast(:columns as jsonb), :user)")
                        .param("name", trimmed).param("columns", columns).param("user", scope.user().username()).update();
            }
        });
    }

    /** The imports that wrote something, newest first. */
    public List<ImportRecord> recent(int limit) {
        return jdbc.sql("""
                        select id, imported_by, imported_at, file_name, mode, rows_read, created, updated, unchanged, rejected
                        from company_import order by imported_at desc, id desc limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new ImportRecord(rs.getLong("id"), rs.getString("imported_by"),
                        rs.getTimestamp("imported_at").toInstant(), rs.getString("file_name"), ImportMode.valueOf(rs.getString("mode")),
                        rs.getLong("rows_read"), rs.getLong("created"), rs.getLong("updated"), rs.getLong("unchanged"),
                        rs.getLong("rejected")))
                .list();
    }

    /** An import that wrote: who, when, which file, what it did. */
    public record ImportRecord(long id, String importedBy, java.time.Instant importedAt, String fileName, ImportMode mode,
                               long rows, long created, long updated, long unchanged, long rejected) {
    }
}

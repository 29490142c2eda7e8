package fr.passerelle.partner;

import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.Translations;
import fr.passerelle.csv.CsvException;
import fr.passerelle.csv.CsvFiles;
import fr.passerelle.csv.CsvFormat;
import fr.passerelle.csv.CsvReader;
import fr.passerelle.csv.CsvRecord;
import fr.passerelle.csv.CsvWriter;
import fr.passerelle.csv.UncheckedCsvException;
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
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports companies and their contacts from a CSV file, as a dry run or for real, in one transaction:
 * <ol>
 * <li>the file is streamed; each row is checked and normalised in Java ({@link ImportRowChecker}) and
 * the valid ones are sent with {@code COPY} into a temporary staging table;</li>
 * <li>set-based SQL then rejects a SIRET seen twice in the file, a company outside the importer's DISP,
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
    private final ReferenceService reference;
    private final Translations translations;

    CompanyImportService(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager, PartnerScope scope,
                         ReferenceService reference, Translations translations) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.scope = scope;
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
                    check(user, !request.dryRun(), progress, rejected, outcome);
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

    private static final String STAGING_COLUMNS = "line, siret, legal_name, trade_name, naf_code, workforce_bracket, street, "
            + "postcode, commune, department_code, website, labels, first_name, last_name, job_title, email, phone";

    private void stage(Connection connection, ImportRequest request, ImportProgress progress,
                       Map<Long, List<ImportRowError>> rejected, Outcome outcome) throws SQLException, IOException, CsvException {
        jdbc.sql("""
                create temporary table import_row (
                    line bigint not null, siret text not null, legal_name text, trade_name text, naf_code text,
                    workforce_bracket text, street text, postcode text, commune text, department_code text, website text,
                    labels text, first_name text, last_name text, job_title text, email text, phone text
                ) on commit drop""").update();
        Set<String> nafCodes = new HashSet<>(jdbc.sql("select code from naf_sub_class where active").query(String.class).list());
        var departments = reference.departments();
        long totalLines = Math.max(1, countLines(request.file()));
        // From here until endCopy() the connection carries the COPY: no other statement may use it.
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy import_row (" + STAGING_COLUMNS + ") from stdin");
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
     * One statement turns the staged rows into the import's plan, {@code import_plan}: each row's verdict
     * (rejected with its reason, or what it does: create, update, unchanged), the existing company with its
     * SIRET and the company's contact with the row's e-mail (else name). A company or contact the import
     * will create gets its id from the table's sequence here, unless it is a dry run: the writes then insert
     * the rows with those ids and never have to match inserted rows back to the file's.
     */
    private void check(SignedInUser user, boolean mayWrite, ImportProgress progress, Map<Long, List<ImportRowError>> rejected,
                       Outcome outcome) {
        int steps = 2;
        progress.update(ImportProgress.Phase.CHECKING, 0, steps);
        // A referent creates and changes the companies of their DISP only, and cannot move one out of it.
        String disp = user.role() == Role.ADMIN ? null : user.dispCode();
        jdbc.sql("""
                create temporary table import_plan on commit drop as
                select p.*,
                       case when p.action = 'CREATE' and :assign then nextval('company_id_seq') else p.existing_id end as company_id,
                       case when p.contact_action = 'CREATE' and p.action in ('CREATE', 'UPDATE') and :assign
                            then nextval('contact_id_seq') else p.matched_contact_id end as contact_id
                from (
                    select v.*,
                           case v.rejected_key when 'import.error.siret-twice' then v.first_line::text
                                               when 'import.error.other-disp' then v.location_disp end as rejected_argument,
                           case when v.rejected_key is not null then null
                                when v.existing_id is null then 'CREATE'
                                when v.company_changed or v.contact_action is not null then 'UPDATE'
                                else 'UNCHANGED' end as action
                    from (
                        select r.line, r.first_line, r.siret, r.legal_name, r.trade_name, r.naf_code, r.workforce_bracket, r.street,
                               r.postcode, r.commune, r.department_code, r.website, r.labels, r.first_name, r.last_name,
                               r.job_title, r.email, r.phone,
                               c.id as existing_id, k.id as matched_contact_id, coalesce(d.disp_code, c.disp_code) as location_disp,
                               case when r.first_line <> r.line then 'import.error.siret-twice'
                                    when c.id is null and r.legal_name is null then 'import.error.legal-name-required-new'
                                    when c.id is null and r.department_code is null then 'import.error.department-required-new'
                                    when cast(:disp as text) is not null
                                         and (c.id is not null and c.disp_code is distinct from :disp
                                              or d.code is not null and d.disp_code is distinct from :disp) then 'import.error.other-disp'
                               end as rejected_key,
                               -- Only the fields the file fills count: an empty cell never erases.
                               c.id is not null and (
                                      r.legal_name is not null and r.legal_name is distinct from c.legal_name
                                   or r.trade_name is not null and r.trade_name is distinct from c.trade_name
                                   or r.naf_code is not null and r.naf_code is distinct from c.naf_code
                                   or r.workforce_bracket is not null and r.workforce_bracket is distinct from c.workforce_bracket
                                   or r.street is not null and r.street is distinct from c.street
                                   or r.postcode is not null and r.postcode is distinct from c.postcode
                                   or r.commune is not null and r.commune is distinct from c.commune
                                   or r.department_code is not null and r.department_code is distinct from c.department_code
                                   or r.website is not null and r.website is distinct from c.website
                                   or r.labels is not null and not (string_to_array(r.labels, ',') @> c.labels
                                                                    and c.labels @> string_to_array(r.labels, ','))) as company_changed,
                               case when r.last_name is null then null
                                    when k.id is null then 'CREATE'
                                    when r.first_name is not null and r.first_name is distinct from k.first_name
                                      or r.last_name is distinct from k.last_name
                                      or r.job_title is not null and r.job_title is distinct from k.job_title
                                      or r.email is not null and r.email is distinct from k.email
                                      or r.phone is not null and r.phone is distinct from k.phone then 'UPDATE' end as contact_action
                        from (select s.*, min(s.line) over (partition by s.siret) as first_line from import_row s) r
                        -- A SIRET seen again further down the file is rejected: only its first row is matched.
                        left join company c on c.siret = r.siret and r.first_line = r.line
                        left join department d on d.code = r.department_code
                        -- The row's contact: the company's contact with the same e-mail, else (no e-mail in the file) the same name.
                        left join lateral (
                            select k.* from contact k
                            where k.company_id = c.id and r.last_name is not null
                              and (case when r.email is not null then lower(k.email) = r.email
                                        else lower(k.last_name) = lower(r.last_name)
                                             and lower(coalesce(k.first_name, '')) = lower(coalesce(r.first_name, '')) end)
                            order by k.id limit 1) k on true
                    ) v
                ) p""").param("assign", mayWrite).param("disp", disp).update();
        progress.update(ImportProgress.Phase.CHECKING, 1, steps);

        jdbc.sql("""
                select line, rejected_key, rejected_argument from import_plan where rejected_key is not null order by line""")
                .query(rs -> {
                    long line = rs.getLong(1);
                    String argument = rs.getString(3);
                    rejected.computeIfAbsent(line, l -> new ArrayList<>()).add(new ImportRowError(line, null, rs.getString(2),
                            argument == null ? new Object[0] : new Object[] {argument}));
                });
        jdbc.sql("""
                select count(*) filter (where rejected_key is not null), count(*) filter (where action = 'CREATE'),
                       count(*) filter (where action = 'UPDATE'), count(*) filter (where action = 'UNCHANGED')
                from import_plan""").query(rs -> {
                    outcome.rejected += rs.getLong(1);
                    outcome.created = rs.getLong(2);
                    outcome.updated = rs.getLong(3);
                    outcome.unchanged = rs.getLong(4);
                });
        progress.update(ImportProgress.Phase.CHECKING, steps, steps);
    }

    // ---- 3. Writing ----

    private long write(SignedInUser user, ImportRequest request, ImportProgress progress, Outcome outcome) {
        int steps = 7;
        progress.update(ImportProgress.Phase.WRITING, 0, steps);
        long revision = jdbc.sql("""
                        insert into audit_revision (id, timestamp, username)
                        values (nextval('audit_revision_seq'), :now, :user) returning id""")
                .param("now", System.currentTimeMillis()).param("user", user.username()).query(Long.class).single();
        Long owner = user.role() == Role.REFERENT ? user.id() : null;
        jdbc.sql("""
                insert into company (id, siret, legal_name, trade_name, naf_code, workforce_bracket, street, postcode, commune,
                                     department_code, website, labels, source, owner_id) overriding system value
                select company_id, siret, legal_name, trade_name, naf_code, workforce_bracket, street, postcode, commune,
                       department_code, website, coalesce(string_to_array(labels, ','), '{}'), 'IMPORT', cast(:owner as bigint)
                from import_plan where action = 'CREATE'""").param("owner", owner).update();
        step(progress, 1, steps);
        jdbc.sql("""
                insert into pipeline_move (company_id, from_stage, to_stage, moved_by)
                select company_id, null, 'PROSPECT', :user from import_plan where action = 'CREATE'
                """).param("user", user.username()).update();
        jdbc.sql("""
                update company c set
                    legal_name = coalesce(r.legal_name, c.legal_name), trade_name = coalesce(r.trade_name, c.trade_name),
                    naf_code = coalesce(r.naf_code, c.naf_code), workforce_bracket = coalesce(r.workforce_bracket, c.workforce_bracket),
                    street = coalesce(r.street, c.street), postcode = coalesce(r.postcode, c.postcode),
                    commune = coalesce(r.commune, c.commune), department_code = coalesce(r.department_code, c.department_code),
                    website = coalesce(r.website, c.website), labels = coalesce(string_to_array(r.labels, ','), c.labels),
                    version = c.version + 1
                from import_plan r
                where r.company_id = c.id and r.action = 'UPDATE' and r.company_changed""").update();
        step(progress, 2, steps);
        jdbc.sql("""
                update contact k set
                    first_name = coalesce(r.first_name, k.first_name), last_name = r.last_name,
                    job_title = coalesce(r.job_title, k.job_title), email = coalesce(r.email, k.email),
                    phone = coalesce(r.phone, k.phone), version = k.version + 1
                from import_plan r
                where r.contact_id = k.id and r.action = 'UPDATE' and r.contact_action = 'UPDATE'""").update();
        step(progress, 3, steps);
        // A new company's contact is its primary one; an existing company's only when it has none yet.
        jdbc.sql("""
                insert into contact (id, company_id, first_name, last_name, job_title, email, phone, is_primary) overriding system value
                select r.contact_id, r.company_id, r.first_name, r.last_name, r.job_title, r.email, r.phone,
                       r.action = 'CREATE' or not exists (select 1 from contact k where k.company_id = r.company_id and k.is_primary)
                from import_plan r where r.contact_action = 'CREATE' and r.action in ('CREATE', 'UPDATE')""").update();
        step(progress, 4, steps);
        jdbc.sql("""
                insert into company_aud (id, rev, revtype, siret, legal_name, trade_name, naf_code, workforce_bracket, street, postcode,
                                         commune, department_code, website, labels, source, owner_id, stage, declined_reason)
                select c.id, :rev, case r.action when 'CREATE' then 0 else 1 end, c.siret, c.legal_name, c.trade_name, c.naf_code,
                       c.workforce_bracket, c.street, c.postcode, c.commune, c.department_code, c.website, c.labels, c.source,
                       c.owner_id, c.stage, c.declined_reason
                from import_plan r join company c on c.id = r.company_id
                where r.action = 'CREATE' or r.action = 'UPDATE' and r.company_changed
                """).param("rev", revision).update();
        step(progress, 5, steps);
        jdbc.sql("""
                insert into contact_aud (id, rev, revtype, company_id, first_name, last_name, job_title, email, phone, is_primary,
                                         email_status)
                select k.id, :rev, case r.contact_action when 'CREATE' then 0 else 1 end, k.company_id, k.first_name, k.last_name,
                       k.job_title, k.email, k.phone, k.is_primary, k.email_status
                from import_plan r join contact k on k.id = r.contact_id
                where r.action in ('CREATE', 'UPDATE') and r.contact_action in ('CREATE', 'UPDATE')
                """).param("rev", revision).update();
        step(progress, 6, steps);
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

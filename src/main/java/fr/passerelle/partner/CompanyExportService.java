package fr.passerelle.partner;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.csv.CsvFormat;
import fr.passerelle.csv.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The companies of the list, and their contacts, as CSV files whose headers the import recognises.
 * Rows stream from a PostgreSQL cursor (a fetch size inside the transaction) straight into the output:
 * a million companies take no more memory than ten.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class CompanyExportService {

    public static final List<String> COMPANY_HEADERS = List.of("SIRET", "Raison sociale", "Enseigne", "Code NAF",
            "Tranche d’effectif", "Adresse", "Code postal", "Commune", "Département", "Site web", "Labels", "Étape",
            "Référent", "Mis à jour le");
    public static final List<String> CONTACT_HEADERS = List.of("SIRET", "Raison sociale", "Prénom", "Nom", "Fonction",
            "E-mail", "Téléphone", "Contact principal", "Statut e-mail");
    /** Between labels in one value. */
    public static final String LABEL_SEPARATOR = "|";
    /** Rows PostgreSQL hands over at a time. */
    static final int FETCH_SIZE = 1000;

    private final CompanyQueries queries;
    private final JdbcClient jdbc;

    CompanyExportService(CompanyQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** The companies the list shows for this filter, in the list's order; only the header when there are none. */
    public void exportCompanies(CompanyFilter filter, Sort sort, CsvFormat format, OutputStream out) throws IOException {
        var selection = queries.selection(filter, sort);
        write("""
                select c.siret, c.legal_name, c.trade_name, c.naf_code, c.workforce_bracket, c.street, c.postcode, c.commune,
                       c.department_code, c.website, c.labels, c.stage, u.display_name as owner_name, c.updated_at
                from company c
                left join app_user u on u.id = c.owner_id
                """ + selection.where() + " order by " + selection.orderBy(), selection.params(), COMPANY_HEADERS, format, out,
                CompanyExportService::company);
    }

    /** The contacts of the companies the list shows for this filter, company by company (by name), the primary contact first. */
    public void exportContacts(CompanyFilter filter, CsvFormat format, OutputStream out) throws IOException {
        var selection = queries.selection(filter, Sort.unsorted());
        write("""
                select c.siret, c.legal_name, k.first_name, k.last_name, k.job_title, k.email, k.phone, k.is_primary,
                       k.email_status
                from company c
                join contact k on k.company_id = c.id
                """ + selection.where() + " order by " + selection.orderBy()
                + ", k.is_primary desc, k.last_name, k.first_name, k.id", selection.params(), CONTACT_HEADERS, format, out,
                CompanyExportService::contact);
    }

    private static List<?> company(ResultSet rs) throws SQLException {
        String[] labels = (String[]) rs.getArray("labels").getArray();
        return Arrays.asList(rs.getString("siret"), rs.getString("legal_name"), rs.getString("trade_name"),
                rs.getString("naf_code"), rs.getString("workforce_bracket"), rs.getString("street"), rs.getString("postcode"),
                rs.getString("commune"), rs.getString("department_code"), rs.getString("website"),
                String.join(LABEL_SEPARATOR, labels), rs.getString("stage"), rs.getString("owner_name"),
                rs.getTimestamp("updated_at").toInstant().atZone(DisplayFormats.PARIS).toLocalDate());
    }

    private static List<?> contact(ResultSet rs) throws SQLException {
        return Arrays.asList(rs.getString("siret"), rs.getString("legal_name"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("job_title"), rs.getString("email"), rs.getString("phone"),
                rs.getBoolean("is_primary") ? "oui" : "non", rs.getString("email_status"));
    }

    /** Writes the header, then each row as it comes from the cursor; the stream is flushed, not closed. */
    private void write(String sql, Map<String, Object> params, List<String> header, CsvFormat format, OutputStream out,
                       Row row) throws IOException {
        CsvWriter writer = CsvWriter.open(out, format);
        writer.row(header);
        try {
            jdbc.sql(sql).params(params).withFetchSize(FETCH_SIZE).query(rs -> {
                try {
                    writer.row(row.values(rs));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    @FunctionalInterface
    private interface Row {
        List<?> values(ResultSet rs) throws SQLException;
    }
}

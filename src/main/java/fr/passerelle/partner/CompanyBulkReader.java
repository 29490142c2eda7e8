package fr.passerelle.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every company the list shows for a filter, and their contacts, handed over one row at a time as they come
 * from a PostgreSQL cursor (a fetch size inside the transaction): a million companies take no more memory
 * than ten. The CSV export writes them.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class CompanyBulkReader {

    /** Rows PostgreSQL hands over at a time. */
    public static final int FETCH_SIZE = 1000;

    /**
     * A company or another organisation as stored: codes, not labels ({@code workforceBracket} is a
     * {@link WorkforceBracket#code()}); the SIRET is null for an organisation that has none.
     */
    public record CompanyRow(@Nullable String siret, PartnerKind kind, @Nullable String legalName, @Nullable String tradeName, @Nullable String nafCode,
                             @Nullable String workforceBracket, @Nullable String street, @Nullable String postcode,
                             @Nullable String commune, String departmentCode, @Nullable String website, List<String> labels,
                             PipelineStage stage, @Nullable String ownerName, Instant updatedAt) {
    }

    /** A contact, with its company's SIRET (null for an organisation without one) and name. */
    public record ContactRow(@Nullable String siret, @Nullable String legalName, @Nullable String firstName, String lastName,
                             @Nullable String jobTitle, @Nullable String email, @Nullable String phone, boolean primary,
                             EmailStatus emailStatus) {
    }

    /** Receives each row; an {@link IOException} stops the reading and reaches the caller. */
    @FunctionalInterface
    public interface RowHandler<T> {
        void row(T row) throws IOException;
    }

    private final CompanyQueries queries;
    private final JdbcClient jdbc;

    CompanyBulkReader(CompanyQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** The companies the list shows for this filter, in the list's order. */
    public void companies(CompanyFilter filter, Sort sort, RowHandler<CompanyRow> handler) throws IOException {
        var selection = queries.selection(filter, sort);
        read("""
                select c.siret, c.kind, c.legal_name, c.trade_name, c.naf_code, c.workforce_bracket, c.street, c.postcode, c.commune,
                       c.department_code, c.website, c.labels, c.stage, u.display_name as owner_name, c.updated_at
                from company c
                left join app_user u on u.id = c.owner_id
                """ + selection.where() + " order by " + selection.orderBy(), selection.params(), CompanyBulkReader::company,
                handler);
    }

    /** The contacts of the companies the list shows for this filter, company by company (by name), the primary contact first. */
    public void contacts(CompanyFilter filter, RowHandler<ContactRow> handler) throws IOException {
        var selection = queries.selection(filter, Sort.unsorted());
        read("""
                select c.siret, c.legal_name, k.first_name, k.last_name, k.job_title, k.email, k.phone, k.is_primary,
                       k.email_status
                from company c
                join contact k on k.company_id = c.id
                """ + selection.where() + " order by " + selection.orderBy()
                + ", k.is_primary desc, k.last_name, k.first_name, k.id", selection.params(), CompanyBulkReader::contact, handler);
    }

    private static CompanyRow company(ResultSet rs) throws SQLException {
        String[] labels = (String[]) rs.getArray("labels").getArray();
        return new CompanyRow(rs.getString("siret"), PartnerKind.valueOf(rs.getString("kind")), rs.getString("legal_name"), rs.getString("trade_name"),
                rs.getString("naf_code"), rs.getString("workforce_bracket"), rs.getString("street"), rs.getString("postcode"),
                rs.getString("commune"), rs.getString("department_code"), rs.getString("website"), List.of(labels),
                PipelineStage.valueOf(rs.getString("stage")), rs.getString("owner_name"), rs.getTimestamp("updated_at").toInstant());
    }

    private static ContactRow contact(ResultSet rs) throws SQLException {
        return new ContactRow(rs.getString("siret"), rs.getString("legal_name"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("job_title"), rs.getString("email"), rs.getString("phone"),
                rs.getBoolean("is_primary"), EmailStatus.valueOf(rs.getString("email_status")));
    }

    private <T> void read(String sql, Map<String, Object> params, Mapper<T> mapper, RowHandler<T> handler) throws IOException {
        try {
            jdbc.sql(sql).params(params).withFetchSize(FETCH_SIZE).query(rs -> {
                try {
                    handler.row(mapper.map(rs));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}

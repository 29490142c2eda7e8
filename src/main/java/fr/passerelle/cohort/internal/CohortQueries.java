package fr.passerelle.cohort.internal;

import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortFilter;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.CohortSummary;
import fr.passerelle.cohort.PartnerRole;
import fr.passerelle.cohort.ProgrammeSummary;
import fr.passerelle.cohort.Sector;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cohort and programme read models, in SQL: predicates only for the filters set, sorts from a whitelist. Joins
 * {@code establishment}, {@code app_user}, {@code company} and {@code rome_job} read-only for names.
 */
@Component
public class CohortQueries {

    private static final String SUMMARY_SELECT = """
            select c.id, c.title, c.programme_id, p.title as programme_title, c.sector, c.establishment_id,
                   e.name as establishment_name, c.disp_code, c.planned_start, c.planned_end, c.capacity,
                   (select count(*) from participant x where x.cohort_id = c.id and x.state <> 'DROPPED') as enrolled,
                   c.state, u.display_name as referent_name
            from cohort c
            left join programme p on p.id = c.programme_id
            join establishment e on e.id = c.establishment_id
            join app_user u on u.id = c.referent_id
            """;

    private static final Map<String, String> SORT = Map.of(
            "title", "lower(c.title)", "programme", "lower(p.title)", "establishment", "e.name", "disp", "c.disp_code",
            "start", "c.planned_start", "state", "c.state", "capacity", "c.capacity");

    private static final String PROGRAMME_SELECT = """
            select p.id, p.title, p.description, p.candidates_per_promotion, p.duration_weeks, p.sectors,
                   p.one_promotion_per_year, p.version, (select count(*) from cohort c where c.programme_id = p.id) as cohort_count
            from programme p
            """;

    private final JdbcClient jdbc;

    CohortQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CohortSummary> page(CohortFilter filter, Pageable pageable) {
        var params = new HashMap<String, Object>();
        String sql = SUMMARY_SELECT + where(filter, params)
                + SqlPaging.orderBy(pageable.getSort(), SORT, "c.planned_start desc, c.id desc") + SqlPaging.page(pageable, params);
        return jdbc.sql(sql).params(params).query(CohortQueries::summary).list();
    }

    public long count(CohortFilter filter) {
        var params = new HashMap<String, Object>();
        return jdbc.sql("select count(*) from cohort c" + where(filter, params)).params(params).query(Long.class).single();
    }

    private static String where(CohortFilter filter, Map<String, Object> params) {
        var predicates = new StringBuilder(" where true");
        if (filter.dispCode() != null) {
            predicates.append(" and c.disp_code = :disp");
            params.put("disp", filter.dispCode());
        }
        if (filter.state() != null) {
            predicates.append(" and c.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.programmeId() != null) {
            predicates.append(" and c.programme_id = :programme");
            params.put("programme", filter.programmeId());
        }
        if (filter.establishmentId() != null) {
            predicates.append(" and c.establishment_id = :establishment");
            params.put("establishment", filter.establishmentId());
        }
        return predicates.toString();
    }

    public Optional<String> dispOf(long cohortId) {
        return jdbc.sql("select disp_code from cohort where id = :id").param("id", cohortId).query(String.class).optional();
    }

    /** The cohort with its trades and partners; the predicate says whether the signed-in person may change a DISP's cohorts. */
    public Optional<CohortDetails> details(long id, Predicate<String> editable) {
        List<CohortDetails.Trade> trades = jdbc.sql("""
                        select r.code, r.label from cohort_rome_job t join rome_job r on r.code = t.rome_code
                        where t.cohort_id = :id order by r.code""")
                .param("id", id).query((rs, n) -> new CohortDetails.Trade(rs.getString("code"), rs.getString("label"))).list();
        List<CohortDetails.Partner> partners = jdbc.sql("""
                        select cp.company_id, cp.role,
                               case when coalesce(btrim(co.trade_name), '') = '' then co.legal_name
                                    else co.trade_name || ' (' || co.legal_name || ')' end as company_name
                        from cohort_partner cp join company co on co.id = cp.company_id
                        where cp.cohort_id = :id order by cp.role, co.legal_name, cp.id""")
                .param("id", id).query((rs, n) -> new CohortDetails.Partner(rs.getLong("company_id"), rs.getString("company_name"),
                        PartnerRole.valueOf(rs.getString("role")))).list();
        return jdbc.sql("""
                        select c.*, p.title as programme_title, e.name as establishment_name, r.name as region_name,
                               u.display_name as referent_name,
                               (select count(*) from participant x where x.cohort_id = c.id and x.state <> 'DROPPED') as enrolled
                        from cohort c
                        left join programme p on p.id = c.programme_id
                        join establishment e on e.id = c.establishment_id
                        left join region r on r.code = c.region_code
                        join app_user u on u.id = c.referent_id
                        where c.id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    String disp = rs.getString("disp_code");
                    boolean mayEdit = editable.test(disp);
                    return new CohortDetails(rs.getLong("id"), rs.getObject("programme_id", Long.class), rs.getString("programme_title"),
                            rs.getString("title"), Sector.valueOf(rs.getString("sector")), trades, rs.getLong("establishment_id"),
                            rs.getString("establishment_name"), disp, rs.getString("region_code"), rs.getString("region_name"),
                            partners, date(rs, "planned_start"), date(rs, "planned_end"), date(rs, "actual_start"),
                            date(rs, "actual_end"), rs.getObject("hours", Integer.class), rs.getString("certification"),
                            rs.getInt("capacity"), rs.getLong("enrolled"), rs.getLong("referent_id"), rs.getString("referent_name"),
                            CohortState.valueOf(rs.getString("state")), rs.getString("cancel_reason"),
                            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                            rs.getLong("version"), mayEdit, mayEdit);
                })
                .optional();
    }

    public List<ProgrammeSummary> programmes(Pageable pageable) {
        var params = new HashMap<String, Object>();
        String sql = PROGRAMME_SELECT + SqlPaging.orderBy(pageable.getSort(),
                Map.of("title", "lower(p.title)", "duration", "p.duration_weeks", "candidates", "p.candidates_per_promotion"),
                "lower(p.title), p.id") + SqlPaging.page(pageable, params);
        return jdbc.sql(sql).params(params).query(CohortQueries::programme).list();
    }

    public long countProgrammes() {
        return jdbc.sql("select count(*) from programme").query(Long.class).single();
    }

    public Optional<ProgrammeSummary> programme(long id) {
        return jdbc.sql(PROGRAMME_SELECT + " where p.id = :id").param("id", id).query(CohortQueries::programme).optional();
    }

    private static CohortSummary summary(ResultSet rs, int row) throws SQLException {
        return new CohortSummary(rs.getLong("id"), rs.getString("title"), rs.getObject("programme_id", Long.class),
                rs.getString("programme_title"), Sector.valueOf(rs.getString("sector")), rs.getLong("establishment_id"),
                rs.getString("establishment_name"), rs.getString("disp_code"), date(rs, "planned_start"), date(rs, "planned_end"),
                rs.getInt("capacity"), rs.getLong("enrolled"), CohortState.valueOf(rs.getString("state")), rs.getString("referent_name"));
    }

    private static ProgrammeSummary programme(ResultSet rs, int row) throws SQLException {
        Array sectors = rs.getArray("sectors");
        Set<Sector> set = sectors == null ? Set.of() : Arrays.stream((String[]) sectors.getArray()).map(Sector::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sector.class)));
        return new ProgrammeSummary(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                rs.getObject("candidates_per_promotion", Integer.class), rs.getObject("duration_weeks", Integer.class), set,
                rs.getBoolean("one_promotion_per_year"), rs.getLong("cohort_count"), rs.getLong("version"));
    }

    static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}

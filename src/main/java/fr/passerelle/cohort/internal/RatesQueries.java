package fr.passerelle.cohort.internal;

import fr.passerelle.cohort.CohortRates;
import fr.passerelle.cohort.CohortRatesRow;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.Rate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rates of cohorts, counted in PostgreSQL (one statement per question, aggregates with {@code FILTER}); no
 * participant row leaves the database. An outcome is due at release once the release month has come, at six months
 * six months later, or as soon as it is recorded; only participants who completed the training count for
 * certification and placement.
 */
@Component
public class RatesQueries {

    /** Aggregates of the participants {@code p}; {@code :month} is this month's first day, {@code :sixMonthsAgo} six months before. */
    private static final String COUNTS = """
            count(p.id) as total,
            count(p.id) filter (where p.state <> 'DROPPED') as active,
            count(p.id) filter (where p.state = 'ENROLLED') as still,
            count(p.id) filter (where p.state = 'COMPLETED') as completed,
            count(p.id) filter (where p.state = 'DROPPED') as dropped,
            count(p.id) filter (where p.state = 'COMPLETED' and p.certification_obtained) as certified,
            count(p.id) filter (where p.state = 'COMPLETED' and (p.release_outcome is not null or p.release_month <= :month)) as release_due,
            count(p.id) filter (where p.state = 'COMPLETED' and p.release_outcome = 'EMPLOYED') as release_employed,
            count(p.id) filter (where p.state = 'COMPLETED' and p.release_outcome = 'UNKNOWN') as release_unknown,
            count(p.id) filter (where p.state = 'COMPLETED' and p.release_outcome is null and p.release_month <= :month) as release_unrecorded,
            count(p.id) filter (where p.state = 'COMPLETED'
                and (p.six_month_outcome is not null or p.release_month <= :sixMonthsAgo)) as six_month_due,
            count(p.id) filter (where p.state = 'COMPLETED' and p.six_month_outcome = 'EMPLOYED') as six_month_employed,
            count(p.id) filter (where p.state = 'COMPLETED' and p.six_month_outcome = 'UNKNOWN') as six_month_unknown,
            count(p.id) filter (where p.state = 'COMPLETED' and p.six_month_outcome is null
                and p.release_month <= :sixMonthsAgo) as six_month_unrecorded""";

    private static final Map<String, String> SORT = Map.of(
            "title", "lower(c.title)", "establishment", "e.name", "disp", "c.disp_code", "start", "c.planned_start", "state", "c.state");

    private final JdbcClient jdbc;

    RatesQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A cohort's rates and its DISP. */
    public Optional<Scoped<CohortRates>> cohort(long cohortId, LocalDate today) {
        var params = months(today);
        params.put("id", cohortId);
        return jdbc.sql("select c.disp_code, c.capacity, r.* from cohort c cross join lateral (select " + COUNTS
                        + " from participant p where p.cohort_id = c.id) r where c.id = :id")
                .params(params).query((rs, n) -> new Scoped<>(rates(rs), rs.getString("disp_code"))).optional();
    }

    /**
     * A programme's cohorts that are not cancelled, added together; {@code scope} is whether every one of them is of
     * {@code dispCode} (always, with no DISP given).
     */
    public Totals programme(long programmeId, String dispCode, LocalDate today) {
        var params = months(today);
        params.put("programme", programmeId);
        params.put("disp", dispCode);
        return jdbc.sql("""
                        with c as (select id, capacity, disp_code from cohort where programme_id = :programme and state <> 'CANCELLED')
                        select (select count(*) from c) as cohorts, (select coalesce(sum(capacity), 0) from c) as capacity,
                               (select coalesce(bool_and(disp_code = :disp), true) from c) as one_disp, r.*
                        from (select\s""" + COUNTS + " from participant p join c on c.id = p.cohort_id) r")
                .params(params)
                .query((rs, n) -> new Totals(rs.getLong("cohorts"), rates(rs), rs.getBoolean("one_disp"))).single();
    }

    /** One page of a programme's cohorts (cancelled ones too) with their rates, latest planned start first unless sorted. */
    public List<Scoped<CohortRatesRow>> programmeCohorts(long programmeId, Pageable pageable, LocalDate today) {
        var params = months(today);
        params.put("programme", programmeId);
        String order = SqlPaging.orderBy(pageable.getSort(), SORT, "c.planned_start desc, c.id desc");
        // The page of cohorts first, then each one's counts: the participants of the other cohorts are never read.
        String sql = "select c.*, r.* from (select c.id, c.title, e.name as establishment_name, c.disp_code, c.state, c.capacity,"
                + " row_number() over (" + order + ") as position"
                + " from cohort c join establishment e on e.id = c.establishment_id where c.programme_id = :programme"
                + order + SqlPaging.page(pageable, params) + ") c"
                + " cross join lateral (select " + COUNTS + " from participant p where p.cohort_id = c.id) r order by c.position";
        return jdbc.sql(sql).params(params).query((rs, n) -> new Scoped<>(new CohortRatesRow(rs.getLong("id"), rs.getString("title"),
                rs.getString("establishment_name"), rs.getString("disp_code"), CohortState.valueOf(rs.getString("state")), rates(rs)),
                rs.getString("disp_code"))).list();
    }

    /** Something measured, and the DISP its participants are of. */
    public record Scoped<T>(T value, String dispCode) {
    }

    /** A programme's totals; {@code oneDisp} whether all its counted cohorts are of the DISP asked about. */
    public record Totals(long cohorts, CohortRates rates, boolean oneDisp) {
    }

    private static Map<String, Object> months(LocalDate today) {
        var params = new HashMap<String, Object>();
        LocalDate month = today.withDayOfMonth(1);
        params.put("month", month);
        params.put("sixMonthsAgo", month.minusMonths(6));
        return params;
    }

    private static CohortRates rates(ResultSet rs) throws SQLException {
        long completed = rs.getLong("completed");
        long releaseDue = rs.getLong("release_due");
        long sixMonthDue = rs.getLong("six_month_due");
        return new CohortRates(Rate.of(rs.getLong("active"), rs.getLong("capacity")),
                Rate.of(completed, completed + rs.getLong("dropped")), Rate.of(rs.getLong("still"), rs.getLong("total")),
                Rate.of(rs.getLong("certified"), completed),
                Rate.of(rs.getLong("release_employed"), releaseDue), Rate.of(rs.getLong("release_unknown"), releaseDue),
                Rate.of(rs.getLong("release_unrecorded"), releaseDue),
                Rate.of(rs.getLong("six_month_employed"), sixMonthDue), Rate.of(rs.getLong("six_month_unknown"), sixMonthDue),
                Rate.of(rs.getLong("six_month_unrecorded"), sixMonthDue), false);
    }
}

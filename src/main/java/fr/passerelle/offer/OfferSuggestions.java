package fr.passerelle.offer;

import fr.passerelle.base.DisplayFormats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers for a cohort (decision record 017): the open offers of its trades, then of its trades' ROME families,
 * each ranked by how near it is to the cohort's establishment or to the centre of a department its participants
 * return to, with the reason in parts ({@link OfferMatch}); and the coverage of the cohort's release months by the
 * positions of the offers linked to it. Suggestions come from every DISP: people go home far from where they are
 * held. Distances are great-circle distances between the shipped commune points (V30, V31, V32): no remote service.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class OfferSuggestions {

    /**
     * The candidates are the open offers of the families, from offer_open_rome_place_idx alone (V32); a workshop or
     * subcontracting offer is measured to the nearest of its target establishments, all of which are measured once.
     * Ranked by trade first, then by the nearer of the establishment and the centre of the offer's department when it
     * is one of return.
     */
    private static final String SUGGESTIONS = """
            with origin as (
                select c.latitude, c.longitude from establishment e join commune c on c.code = e.commune_code
                where e.id = :establishment),
            establishment_distance as (
                select e.id, great_circle_km(origin.latitude, origin.longitude, c.latitude, c.longitude) as km
                from origin cross join establishment e join commune c on c.code = e.commune_code),
            return_place as (
                select d.code, c.latitude, c.longitude from department d join commune c on c.code = d.seat_commune_code
                where d.code = any(cast(:returns as text[]))),
            candidate as (
                select o.id, o.rome_code = any(cast(:codes as text[])) as same_trade, o.target_establishment_ids,
                       great_circle_km(origin.latitude, origin.longitude, o.latitude, o.longitude) as point_km,
                       case when o.commune_code is null then o.department_code end as approximate_department,
                       r.code as return_department,
                       great_circle_km(r.latitude, r.longitude, o.latitude, o.longitude) as return_km
                from offer o cross join origin left join return_place r on r.code = o.department_code
                where o.status = 'OPEN' and left(o.rome_code, 3) = any(cast(:families as text[]))
                  and (o.end_date is null or o.end_date >= :today)
                  and o.id <> all(cast(:excluded as bigint[]))),
            nearest_target as (
                select m.id, min(d.km) as km
                from candidate m cross join unnest(m.target_establishment_ids) as t(id) join establishment_distance d on d.id = t.id
                group by m.id),
            measured as (
                select m.*, coalesce(t.km, m.point_km) as distance
                from candidate m left join nearest_target t on t.id = m.id),
            ranked as (
                select m.*, row_number() over (order by m.same_trade desc, least(m.distance, m.return_km) nulls last, m.id) as rank
                from measured m
                order by m.same_trade desc, least(m.distance, m.return_km) nulls last, m.id
                limit :limit)
            select %s, m.same_trade, m.distance, m.approximate_department, m.return_department
            %sjoin ranked m on m.id = o.id
            order by m.rank""".formatted(OfferQueries.SUMMARY_COLUMNS, OfferQueries.SUMMARY_FROM);

    private static final String COVERAGE = """
            select m.month, coalesce(sum(o.positions) filter (where o.status = 'OPEN'), 0) as open_positions,
                   coalesce(sum(o.positions) filter (where o.status = 'FILLED'), 0) as filled_positions
            from unnest(cast(:months as date[])) as m(month)
            left join offer o on o.id = any(cast(:offers as bigint[])) and o.status in ('OPEN', 'FILLED')
                             and o.start_date < m.month + interval '1 month'
                             and (o.end_date is null or o.end_date >= m.month)
            group by m.month
            order by m.month""";

    private final JdbcClient jdbc;
    private final Clock clock;

    OfferSuggestions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The open offers (not past their end date, not excluded) whose ROME code is one of the request's, then those of
     * the same families, each group nearest first; at most {@code request.limit()}.
     *
     * @throws OfferException when the establishment does not exist
     */
    public List<OfferSuggestion> suggest(SuggestionRequest request) {
        boolean located = jdbc.sql("""
                        select exists (select 1 from establishment e join commune c on c.code = e.commune_code where e.id = :id)""")
                .param("id", request.establishmentId()).query(Boolean.class).single();
        if (!located) {
            throw new OfferException(null, "offer.suggestion.error.establishment");
        }
        return jdbc.sql(SUGGESTIONS)
                .param("establishment", request.establishmentId())
                .param("returns", request.returnDepartments().toArray(String[]::new))
                .param("codes", request.romeCodes().toArray(String[]::new))
                .param("families", request.romeFamilies().toArray(String[]::new))
                .param("excluded", request.excludedOfferIds().toArray(Long[]::new))
                .param("today", LocalDate.now(clock.withZone(DisplayFormats.PARIS)))
                .param("limit", request.limit())
                .query(OfferSuggestions::suggestion).list();
    }

    /**
     * Per expected release month (each month of {@code releases}, in order): the positions of these offers, open
     * and filled, against the participants released that month. Offers neither open nor filled count for nothing.
     */
    public List<CoverageMonth> coverage(Collection<Long> offerIds, Map<YearMonth, Integer> releases) {
        var months = new TreeMap<>(releases);
        if (months.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COVERAGE)
                .param("months", months.keySet().stream().map(month -> java.sql.Date.valueOf(month.atDay(1))).toArray(java.sql.Date[]::new))
                .param("offers", offerIds.toArray(Long[]::new))
                .query((rs, row) -> {
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    return new CoverageMonth(month, rs.getInt("open_positions"), rs.getInt("filled_positions"), months.get(month));
                }).list();
    }

    private static OfferSuggestion suggestion(ResultSet rs, int row) throws SQLException {
        OfferSummary offer = OfferQueries.summary(rs, row);
        boolean sameTrade = rs.getBoolean("same_trade");
        return new OfferSuggestion(offer, new OfferMatch(sameTrade ? OfferMatch.Kind.SAME_TRADE : OfferMatch.Kind.SAME_FAMILY,
                sameTrade ? offer.romeCode() : SuggestionRequest.family(offer.romeCode()),
                (int) Math.round(rs.getDouble("distance")), rs.getString("approximate_department"),
                rs.getString("return_department")));
    }
}

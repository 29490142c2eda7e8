package fr.passerelle.offer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import fr.passerelle.base.PrefixSearch;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The offers list as SQL, built like the companies list (decision records 005, 006, 008): a predicate
 * only for each filter set, so that PostgreSQL plans each combination with the indexes of V11; the page's
 * ids first (from the covering indexes, newest first by default), then only their rows; counts capped; sorts
 * from a whitelist. The search matches the start of words in {@code offer_search_term} (V22, decision record 014).
 */
@Component
class OfferQueries {

    private static final Map<String, String> SORTS = Map.of(
            "created", "o.created_at",
            "updated", "o.updated_at",
            "title", "search_text(o.title)",
            "company", "c.name_key",
            "status", "array_position(array['PENDING_VALIDATION','OPEN','FILLED','CLOSED','EXPIRED','REJECTED'], o.status)",
            "type", "o.type",
            "positions", "o.positions",
            "start", "o.start_date",
            "end", "o.end_date",
            "department", "o.department_code");

    /** Counts stop here: the list says "10 000+" rather than visiting every row. */
    static final long COUNT_LIMIT = 10_001;

    static final String SUMMARY_COLUMNS = """
            o.id, o.company_id, coalesce(case when nullif(btrim(c.trade_name), '') is null then c.legal_name
                                              else c.trade_name || ' (' || c.legal_name || ')' end, d.legal_name) as company_name,
            o.type, o.rome_code, j.label as rome_label, o.title, o.positions, o.contract_type, o.department_code,
            o.disp_code, o.start_date, o.end_date, o.status, o.source, o.created_at, o.updated_at""";
    static final String SUMMARY_FROM = """
            from offer o left join company c on c.id = o.company_id join rome_job j on j.code = o.rome_code
            left join offer_declaration d on o.company_id is null and d.offer_id = o.id
            """;

    private final JdbcClient jdbc;

    OfferQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OfferSummary> page(OfferFilter filter, Pageable pageable) {
        var where = where(filter);
        String order = orderBy(pageable.getSort());
        Sort.Order byCreation = onlyByCreation(pageable.getSort());
        String ids;
        if (where.search != null && where.search.terms() != null && byCreation != null) {
            // Newest first (the default), a search reads each matching term's entries in (term, created_at, offer_id)
            // order, at most a page's worth each, with the DISP, the state and the other words checked in the index on
            // the way (the other filters in the offer's row), and merges them: the first page costs the same for a word
            // that a tenth of the offers have as for a rare one.
            String direction = byCreation.isAscending() ? "asc" : "desc";
            ids = """
                    select x.offer_id from unnest(cast(:searchTerms as text[])) as d(term)
                    cross join lateral (
                        select t.created_at, t.offer_id from offer_search_term t%s
                        where t.term = d.term%s
                        order by t.created_at %s, t.offer_id %s limit :window) x
                    group by x.created_at, x.offer_id
                    order by x.created_at %s, x.offer_id %s limit :limit offset :offset
                    """.formatted(where.offerPredicates.isEmpty() ? "" : " join offer o on o.id = t.offer_id",
                    where.termConditions("t") + where.offerConditions(), direction, direction, direction, direction);
            where.params.put("window", pageable.getOffset() + pageable.getPageSize());
        } else {
            String join = pageable.getSort().getOrderFor("company") != null ? " left join company c on c.id = o.company_id" : "";
            ids = "select o.id from offer o" + join + where.sql() + " order by " + order + " limit :limit offset :offset";
        }
        String sql = "select " + SUMMARY_COLUMNS + "\n" + SUMMARY_FROM + "where o.id in (" + ids + ")\norder by " + order;
        where.params.put("limit", pageable.getPageSize());
        where.params.put("offset", pageable.getOffset());
        return jdbc.sql(sql).params(where.params).query(OfferQueries::summary).list();
    }

    long count(OfferFilter filter) {
        var where = where(filter);
        where.params.put("countLimit", COUNT_LIMIT);
        String sql;
        if (where.search != null && where.offerPredicates.isEmpty()) {
            // A search with at most a DISP and states is counted in the terms' index; an offer is counted once even
            // when two of its words start with the searched one ("Soudeur soudure"), unless there is one such word.
            String distinct = where.search.terms() != null && where.search.terms().size() == 1 ? "1" : "distinct t.offer_id";
            sql = "select count(*) from (select " + distinct + " from offer_search_term t where "
                    + where.search.driverCondition("t") + where.termConditions("t") + " limit :countLimit) found";
        } else {
            sql = "select count(*) from (select 1 from offer o" + where.sql() + " limit :countLimit) found";
        }
        return jdbc.sql(sql).params(where.params).query(Long.class).single();
    }

    /** A company's offers, newest first. */
    List<OfferSummary> ofCompany(long companyId) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + "\n" + SUMMARY_FROM + "where o.company_id = :company order by o.created_at desc, o.id desc")
                .param("company", companyId).query(OfferQueries::summary).list();
    }

    /**
     * The parts of a query that streams every offer the list shows (the CSV export): on {@code offer o}, {@code company c}
     * (left joined: a declaration has none yet).
     */
    Selection selection(OfferFilter filter, Sort sort) {
        var where = where(filter);
        return new Selection(where.sql(), orderBy(sort), Map.copyOf(where.params));
    }

    record Selection(String where, String orderBy, Map<String, Object> params) {
    }

    private static String orderBy(Sort sort) {
        List<String> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            String expression = SORTS.get(order.getProperty());
            if (expression == null) {
                throw new IllegalArgumentException("Cannot sort offers by " + order.getProperty());
            }
            orders.add(expression + (order.isAscending() ? " asc" : " desc") + " nulls last");
        }
        if (orders.isEmpty()) {
            // The indexes' own order, walked from their start: newest first.
            return "o.created_at desc, o.id desc";
        }
        orders.add("o.id desc");
        return String.join(", ", orders);
    }

    static OfferSummary summary(ResultSet rs, int row) throws SQLException {
        long company = rs.getLong("company_id");
        Long companyId = rs.wasNull() ? null : company;
        return new OfferSummary(rs.getLong("id"), companyId, rs.getString("company_name"),
                OfferType.valueOf(rs.getString("type")), rs.getString("rome_code"), rs.getString("rome_label"),
                rs.getString("title"), rs.getInt("positions"), ContractType.valueOf(rs.getString("contract_type")),
                rs.getString("department_code"), rs.getString("disp_code"), rs.getObject("start_date", java.time.LocalDate.class),
                rs.getObject("end_date", java.time.LocalDate.class), OfferStatus.valueOf(rs.getString("status")),
                OfferSource.valueOf(rs.getString("source")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** The sort when it is the creation time alone, the list's default. */
    private static Sort.@Nullable Order onlyByCreation(Sort sort) {
        if (sort.isUnsorted()) {
            return Sort.Order.desc("created");
        }
        List<Sort.Order> orders = sort.toList();
        return orders.size() == 1 && orders.getFirst().getProperty().equals("created") ? orders.getFirst() : null;
    }

    private Where where(OfferFilter filter) {
        return new Where(filter, PrefixSearch.of(jdbc, "offer_search_term", filter.search()));
    }

    /** The predicates of a filter, with their parameters. */
    private static final class Where {
        final Map<String, Object> params = new HashMap<>();
        /** The DISP and the states, which the search terms carry too: on {@code <alias>.disp_code}, {@code .status}. */
        final List<String> termPredicates = new ArrayList<>();
        /** The other filters, on {@code offer o}. */
        final List<String> offerPredicates = new ArrayList<>();
        final @Nullable PrefixSearch search;

        Where(OfferFilter filter, @Nullable PrefixSearch search) {
            this.search = search;
            if (filter.dispCode() != null) {
                termPredicates.add("%s.disp_code = :disp");
                params.put("disp", filter.dispCode());
            }
            if (!filter.statuses().isEmpty()) {
                termPredicates.add("%s.status in (:statuses)");
                params.put("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
            }
            if (filter.type() != null) {
                offerPredicates.add("o.type = :type");
                params.put("type", filter.type().name());
            }
            if (filter.romeFamily() != null) {
                offerPredicates.add("o.rome_family = :family");
                params.put("family", filter.romeFamily());
            }
            if (filter.departmentCode() != null) {
                offerPredicates.add("o.department_code = :department");
                params.put("department", filter.departmentCode());
            }
            if (filter.companyId() != null) {
                offerPredicates.add("o.company_id = :company");
                params.put("company", filter.companyId());
            }
            if (search != null) {
                search.addParameters(params);
            }
        }

        /** {@code where …} on {@code offer o}: the filters, and the search as the offers it finds. */
        String sql() {
            List<String> predicates = new ArrayList<>();
            termPredicates.forEach(p -> predicates.add(p.formatted("o")));
            predicates.addAll(offerPredicates);
            if (search != null) {
                predicates.add("o.id in (select t.offer_id from offer_search_term t where " + search.driverCondition("t")
                        + search.otherWordsCondition("offer_search_term", "t", "offer_id") + ")");
            }
            return predicates.isEmpty() ? "" : " where " + String.join(" and ", predicates);
        }

        /** {@code and …} on a search term: the DISP, the states and the search's other words. */
        String termConditions(String alias) {
            var conditions = new StringBuilder();
            termPredicates.forEach(p -> conditions.append(" and ").append(p.formatted(alias)));
            if (search != null) {
                conditions.append(search.otherWordsCondition("offer_search_term", alias, "offer_id"));
            }
            return conditions.toString();
        }

        /** {@code and …}: the other filters, on {@code offer o}. */
        String offerConditions() {
            return offerPredicates.stream().map(p -> " and " + p).collect(Collectors.joining());
        }
    }
}

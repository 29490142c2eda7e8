package fr.passerelle.offer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The offers list as SQL, built like the companies list (decision records 005, 006, 008): a predicate
 * only for each filter set, so that PostgreSQL plans each combination with the indexes of V11; the page's
 * ids first (from the covering indexes, newest first by default), then only their rows; counts capped; sorts
 * from a whitelist.
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
    /** The longest typed word needs this many characters (trigrams: shorter words cannot use the index). */
    static final int MINIMUM_SEARCH_LENGTH = 3;

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
        var where = new Where(filter);
        String order = orderBy(pageable.getSort());
        String join = pageable.getSort().getOrderFor("company") != null ?  " left join company c on c.id = o.company_id" : "";
        String sql = "select " + SUMMARY_COLUMNS + "\n" + SUMMARY_FROM + "where o.id in (select o.id from offer o" + join
                + where.sql() + " order by " + order + " limit :limit offset :offset)\norder by " + order;
        where.params.put("limit", pageable.getPageSize());
        where.params.put("offset", pageable.getOffset());
        return jdbc.sql(sql).params(where.params).query(OfferQueries::summary).list();
    }

    long count(OfferFilter filter) {
        var where = new Where(filter);
        where.params.put("countLimit", COUNT_LIMIT);
        return jdbc.sql("select count(*) from (select 1 from offer o" + where.sql() + " limit :countLimit) found")
                .params(where.params).query(Long.class).single();
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
        var where = new Where(filter);
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

    /** The typed words, each a substring of the offer's document (title, company names, ROME code and label). */
    static List<String> words(String typed) {
        List<String> words = Arrays.stream(typed.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        return words.stream().anyMatch(w -> w.length() >= MINIMUM_SEARCH_LENGTH) ? words : List.of();
    }

    /** The predicates of a filter on {@code offer o}, with their parameters. */
    private static final class Where {
        final Map<String, Object> params = new HashMap<>();
        final List<String> predicates = new ArrayList<>();

        Where(OfferFilter filter) {
            if (filter.dispCode() != null) {
                predicates.add("o.disp_code = :disp");
                params.put("disp", filter.dispCode());
            }
            if (!filter.statuses().isEmpty()) {
                predicates.add("o.status in (:statuses)");
                params.put("statuses", filter.statuses().stream().map(Enum::name).sorted().toList());
            }
            if (filter.type() != null) {
                predicates.add("o.type = :type");
                params.put("type", filter.type().name());
            }
            if (filter.romeFamily() != null) {
                predicates.add("o.rome_family = :family");
                params.put("family", filter.romeFamily());
            }
            if (filter.departmentCode() != null) {
                predicates.add("o.department_code = :department");
                params.put("department", filter.departmentCode());
            }
            if (filter.companyId() != null) {
                predicates.add("o.company_id = :company");
                params.put("company", filter.companyId());
            }
            List<String> words = words(filter.search());
            for (int i = 0; i < words.size(); i++) {
                predicates.add("o.search_document like '%' || search_text(:word" + i + ") || '%'");
                params.put("word" + i, escapeLike(words.get(i)));
            }
        }

        String sql() {
            return predicates.isEmpty() ? "" : " where " + String.join(" and ", predicates);
        }
    }

    /** What a person typed, for {@code like}: their % and _ match literally. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

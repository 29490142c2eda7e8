package fr.passerelle.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The companies list as SQL: filters become predicates only when set (so PostgreSQL plans each
 * combination with its indexes), the search uses the trigram index on {@code search_document}, and
 * sorts come from a whitelist. Measured on a million companies by {@code bin/benchmark-companies}.
 */
@Component
class CompanyQueries {

    private static final Map<String, String> SORTS = Map.of(
            "name", "c.name_key",
            "siret", "c.siret",
            "commune", "search_text(coalesce(c.commune, ''))",
            "department", "c.department_code",
            "disp", "c.disp_code",
            "stage", "array_position(array['PROSPECT','CONTACTED','IN_DISCUSSION','PARTNER','DORMANT','DECLINED'], c.stage)",
            "owner", "u.display_name",
            "updated", "c.updated_at");

    /**
     * Counts stop here: the list says "10 000+" rather than visiting every row of a search that
     * matches half the register.
     */
    static final long COUNT_LIMIT = 10_001;
    /** Shorter terms cannot use the trigram index (a search for "a" would read every company). */
    static final int MINIMUM_SEARCH_LENGTH = 3;

    private final JdbcClient jdbc;

    CompanyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CompanySummary> page(CompanyFilter filter, Pageable pageable) {
        var where = new Where(filter);
        String order = orderBy(pageable.getSort());
        // With a search, the matches come from the trigram index and are then sorted: "offset 0" keeps
        // PostgreSQL from walking the name index instead, which reads most of the table when the matches
        // sort late ("hôtel") and is what a generic plan of the prepared statement picks for every term.
        String companies = where.searches ? "(select * from company c" + where.sql + " offset 0) c" : "company c";
        // The page's ids first, then their rows: for filters on DISP, stage, sector and label sorted by
        // name, the ids come from the covering indexes alone (index-only scans, V6), and only the rows
        // shown are read from the table.
        boolean byOwner = pageable.getSort().getOrderFor("owner") != null;
        String ids = "select c.id from " + companies + (byOwner ? " left join app_user u on u.id = c.owner_id" : "")
                + (where.searches ? "" : where.sql) + " order by " + order + " limit :limit offset :offset";
        String sql = """
                select c.id, c.siret, c.legal_name, c.trade_name, c.commune, c.department_code, c.disp_code, c.naf_code,
                       n.section_code, c.stage, c.owner_id, u.display_name as owner_name, c.updated_at
                from company c
                left join naf_sub_class n on n.code = c.naf_code
                left join app_user u on u.id = c.owner_id
                where c.id in (%s)
                order by %s
                """.formatted(ids, order);
        where.params.put("limit", pageable.getPageSize());
        where.params.put("offset", pageable.getOffset());
        return jdbc.sql(sql).params(where.params).query(CompanyQueries::summary).list();
    }

    /**
     * Every company the list shows for a filter and a sort, as parts of a query that streams them (the CSV
     * exports): {@code where} on {@code company c} (empty without filters), {@code orderBy} on {@code c} and
     * the referent {@code app_user u}, and the parameters of both.
     */
    Selection selection(CompanyFilter filter, Sort sort) {
        var where = new Where(filter);
        return new Selection(where.sql, orderBy(sort), Map.copyOf(where.params));
    }

    record Selection(String where, String orderBy, Map<String, Object> params) {
    }

    /** How many companies the filter finds, up to {@link #COUNT_LIMIT}. */
    long count(CompanyFilter filter) {
        var where = new Where(filter);
        where.params.put("countLimit", COUNT_LIMIT);
        return jdbc.sql("select count(*) from (select 1 from company c " + where.sql + " limit :countLimit) found")
                .params(where.params).query(Long.class).single();
    }

    Map<PipelineStage, Long> countByStage(CompanyFilter filter) {
        var where = new Where(filter);
        Map<PipelineStage, Long> counts = new HashMap<>();
        jdbc.sql("select c.stage, count(*) as n from company c " + where.sql + " group by c.stage").params(where.params)
                .query((rs, row) -> counts.put(PipelineStage.valueOf(rs.getString("stage")), rs.getLong("n")))
                .list();
        return counts;
    }

    private static String orderBy(Sort sort) {
        List<String> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            String expression = SORTS.get(order.getProperty());
            if (expression == null) {
                throw new IllegalArgumentException("Cannot sort companies by " + order.getProperty());
            }
            orders.add(expression + (order.isAscending() ? " asc" : " desc") + " nulls last");
        }
        if (orders.isEmpty()) {
            orders.add(SORTS.get("name") + " asc");
        }
        orders.add("c.id");
        return String.join(", ", orders);
    }

    private static CompanySummary summary(ResultSet rs, int row) throws SQLException {
        long owner = rs.getLong("owner_id");
        return new CompanySummary(rs.getLong("id"), rs.getString("siret"), rs.getString("legal_name"),
                rs.getString("trade_name"), rs.getString("commune"), rs.getString("department_code"),
                rs.getString("disp_code"), rs.getString("naf_code"), rs.getString("section_code"),
                PipelineStage.valueOf(rs.getString("stage")), rs.wasNull() ? null : owner, rs.getString("owner_name"),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** The predicates of a filter, with their parameters. */
    private static final class Where {
        final Map<String, Object> params = new HashMap<>();
        final String sql;
        final boolean searches;

        Where(CompanyFilter filter) {
            List<String> predicates = new ArrayList<>();
            if (filter.dispCode() != null) {
                predicates.add("c.disp_code = :disp");
                params.put("disp", filter.dispCode());
            }
            if (filter.departmentCode() != null) {
                predicates.add("c.department_code = :department");
                params.put("department", filter.departmentCode());
            }
            if (!filter.stages().isEmpty()) {
                predicates.add("c.stage in (:stages)");
                params.put("stages", filter.stages().stream().map(Enum::name).collect(Collectors.toList()));
            }
            if (filter.engagementType() != null) {
                predicates.add("exists (select 1 from engagement e where e.company_id = c.id and e.type = :engagementType)");
                params.put("engagementType", filter.engagementType().name());
            }
            if (filter.sectionCode() != null) {
                predicates.add("c.naf_code in (select s.code from naf_sub_class s where s.section_code = :section)");
                params.put("section", filter.sectionCode());
            }
            if (filter.ownerId() != null) {
                predicates.add("c.owner_id = :owner");
                params.put("owner", filter.ownerId());
            }
            if (filter.label() != null) {
                predicates.add("c.labels @> array[cast(:label as text)]");
                params.put("label", filter.label().name());
            }
            String search = searchText(filter.search());
            searches = search.length() >= MINIMUM_SEARCH_LENGTH;
            if (searches) {
                predicates.add("c.search_document like '%' || search_text(:search) || '%'");
                params.put("search", search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            }
            sql = predicates.isEmpty() ? "" : " where " + String.join(" and ", predicates);
        }

        /** A SIRET typed with spaces ("130 005 481") is searched without them. */
        private static String searchText(String typed) {
            String text = typed.strip();
            return text.matches("[0-9 .]+") ? text.replaceAll("[ .]", "") : text;
        }
    }
}

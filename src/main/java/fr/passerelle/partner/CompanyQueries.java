package fr.passerelle.partner;

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
 * The companies list as SQL: filters become predicates only when set (so PostgreSQL plans each
 * combination with its indexes), the search finds words by prefix in {@code company_search_term}
 * (V7, decision record 006), and sorts come from a whitelist. Measured on a million companies by
 * {@code bin/benchmark-companies}.
 */
@Component
class CompanyQueries {

    private static final Map<String, String> SORTS = Map.of(
            "name", "c.name_key",
            "siret", "c.siret",
            "kind", "c.kind",
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

    private final JdbcClient jdbc;

    CompanyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CompanySummary> page(CompanyFilter filter, Pageable pageable) {
        var where = where(filter);
        String order = orderBy(pageable.getSort());
        boolean byOwner = pageable.getSort().getOrderFor("owner") != null;
        String ids;
        Sort.Order byName = onlyByName(pageable.getSort());
        if (where.search != null && where.search.terms() != null && byName != null) {
            // Sorted by name, a search reads each matching word's entries in (term, name_key, company_id)
            // order, at most a page's worth each (with the other words and the filters checked on the way),
            // and merges them: the first page costs the same for "hotel" (22,000 matches in a million) as for
            // a rare surname.
            String direction = byName.isAscending() ? "asc" : "desc";
            String companyFilters = where.companyPredicates.isEmpty() ? ""
                    : " join company c on c.id = t.company_id";
            ids = """
                    select x.company_id from unnest(cast(:searchTerms as text[])) as d(term)
                    cross join lateral (
                        select t.name_key, t.company_id from company_search_term t%s
                        where t.term = d.term%s
                        order by t.name_key %s, t.company_id %s limit :window) x
                    group by x.name_key, x.company_id
                    order by x.name_key %s, x.company_id %s limit :limit offset :offset
                    """.formatted(companyFilters, where.termConditions("t") + where.companyConditions(),
                    direction, direction, direction, direction);
            where.params.put("window", pageable.getOffset() + pageable.getPageSize());
        } else {
            // The page's ids first, then their rows: for filters on DISP, stage, sector and label sorted by
            // name, the ids come from the covering indexes alone (index-only scans, V6), and only the rows
            // shown are read from the table.
            ids = "select c.id from company c" + (byOwner ? " left join app_user u on u.id = c.owner_id" : "")
                    + where.sql() + " order by " + order + " limit :limit offset :offset";
        }
        String sql = """
                select c.id, c.siret, c.kind, c.legal_name, c.trade_name, c.commune, c.department_code, c.disp_code, c.naf_code,
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
        var where = where(filter);
        return new Selection(where.sql(), orderBy(sort), Map.copyOf(where.params));
    }

    record Selection(String where, String orderBy, Map<String, Object> params) {
    }

    /** How many companies the filter finds, up to {@link #COUNT_LIMIT}. */
    long count(CompanyFilter filter) {
        var where = where(filter);
        where.params.put("countLimit", COUNT_LIMIT);
        String sql;
        if (where.search != null && where.companyPredicates.isEmpty()) {
            // A search alone is counted in the terms' index; a company is counted once even when two of its
            // words start with the searched one ("Hôtel des Hôteliers").
            sql = "select count(*) from (select distinct t.company_id from company_search_term t where "
                    + where.search.driverCondition("t") + where.termConditions("t") + " limit :countLimit) found";
            if (where.search.terms() != null && where.search.terms().size() == 1) {
                // One word: each company has it once, so the entries are counted as they come.
                sql = "select count(*) from (select 1 from company_search_term t where "
                        + where.search.driverCondition("t") + where.termConditions("t") + " limit :countLimit) found";
            }
        } else {
            sql = "select count(*) from (select 1 from company c " + where.sql() + " limit :countLimit) found";
        }
        return jdbc.sql(sql).params(where.params).query(Long.class).single();
    }

    Map<PipelineStage, Long> countByStage(CompanyFilter filter) {
        var where = where(filter);
        Map<PipelineStage, Long> counts = new HashMap<>();
        jdbc.sql("select c.stage, count(*) as n from company c " + where.sql() + " group by c.stage").params(where.params)
                .query((rs, row) -> counts.put(PipelineStage.valueOf(rs.getString("stage")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** The sort when it is the name alone, the list's default. */
    private static Sort.@Nullable Order onlyByName(Sort sort) {
        if (sort.isUnsorted()) {
            return Sort.Order.asc("name");
        }
        List<Sort.Order> orders = sort.toList();
        return orders.size() == 1 && orders.getFirst().getProperty().equals("name") ? orders.getFirst() : null;
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
        Sort.Order byName = onlyByName(sort);
        if (byName != null) {
            // The same direction for the tie-break, so that a descending list walks the indexes backwards.
            String direction = byName.isAscending() ? "asc" : "desc";
            return SORTS.get("name") + " " + direction + ", c.id " + direction;
        }
        orders.add("c.id");
        return String.join(", ", orders);
    }

    private static CompanySummary summary(ResultSet rs, int row) throws SQLException {
        long owner = rs.getLong("owner_id");
        return new CompanySummary(rs.getLong("id"), rs.getString("siret"), PartnerKind.valueOf(rs.getString("kind")),
                rs.getString("legal_name"),
                rs.getString("trade_name"), rs.getString("commune"), rs.getString("department_code"),
                rs.getString("disp_code"), rs.getString("naf_code"), rs.getString("section_code"),
                PipelineStage.valueOf(rs.getString("stage")), rs.wasNull() ? null : owner, rs.getString("owner_name"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private Where where(CompanyFilter filter) {
        return new Where(filter, search(filter.search()));
    }

    /** The search typed, a SIRET typed with spaces ("130 005 481") being one word. */
    private @Nullable PrefixSearch search(String typed) {
        String text = typed.strip();
        if (text.matches("[0-9 .]+")) {
            text = text.replaceAll("[ .]", "");
        }
        return PrefixSearch.of(jdbc, "company_search_term", text);
    }

    /** The predicates of a filter, with their parameters. */
    private static final class Where {
        final Map<String, Object> params = new HashMap<>();
        /** The filters other than the search, on {@code company c}. */
        final List<String> companyPredicates = new ArrayList<>();
        final @Nullable PrefixSearch search;

        Where(CompanyFilter filter, @Nullable PrefixSearch search) {
            this.search = search;
            if (filter.dispCode() != null) {
                companyPredicates.add("c.disp_code = :disp");
                params.put("disp", filter.dispCode());
            }
            if (filter.departmentCode() != null) {
                companyPredicates.add("c.department_code = :department");
                params.put("department", filter.departmentCode());
            }
            if (!filter.stages().isEmpty()) {
                companyPredicates.add("c.stage in (:stages)");
                params.put("stages", filter.stages().stream().map(Enum::name).collect(Collectors.toList()));
            }
            if (filter.engagementType() != null) {
                companyPredicates.add("exists (select 1 from engagement e where e.company_id = c.id and e.type = :engagementType)");
                params.put("engagementType", filter.engagementType().name());
            }
            if (filter.sectionCode() != null) {
                companyPredicates.add("c.naf_code in (select s.code from naf_sub_class s where s.section_code = :section)");
                params.put("section", filter.sectionCode());
            }
            if (filter.ownerId() != null) {
                companyPredicates.add("c.owner_id = :owner");
                params.put("owner", filter.ownerId());
            }
            if (!filter.kinds().isEmpty()) {
                companyPredicates.add("c.kind in (:kinds)");
                params.put("kinds", filter.kinds().stream().map(Enum::name).sorted().collect(Collectors.toList()));
            }
            if (filter.label() != null) {
                companyPredicates.add("c.labels @> array[cast(:label as text)]");
                params.put("label", filter.label().name());
            }
            if (search != null) {
                search.addParameters(params);
            }
        }

        /** {@code where …} on {@code company c}: the filters, and the search as the companies it finds. */
        String sql() {
            List<String> predicates = new ArrayList<>(companyPredicates);
            if (search != null) {
                predicates.add("c.id in (select t.company_id from company_search_term t where " + search.driverCondition("t")
                        + termConditions("t") + ")");
            }
            return predicates.isEmpty() ? "" : " where " + String.join(" and ", predicates);
        }

        /** {@code and …}: the search's other words, each the start of one of the company's terms. */
        String termConditions(String alias) {
            return search == null ? "" : search.otherWordsCondition("company_search_term", alias, "company_id");
        }

        /** {@code and …}: the filters, on {@code company c}. */
        String companyConditions() {
            return companyPredicates.stream().map(p -> " and " + p).collect(Collectors.joining());
        }
    }
}

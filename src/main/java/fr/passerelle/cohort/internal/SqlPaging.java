package fr.passerelle.cohort.internal;

import java.util.ArrayList;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The order and page clauses of the module's lists, sorts taken from a whitelist only. */
final class SqlPaging {

    private SqlPaging() {
    }

    static String orderBy(Sort sort, Map<String, String> columns, String tieBreak) {
        var terms = new ArrayList<String>();
        for (Sort.Order order : sort) {
            String column = columns.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Cannot sort by " + order.getProperty());
            }
            terms.add(column + (order.isAscending() ? " asc" : " desc") + " nulls last");
        }
        terms.add(tieBreak);
        return " order by " + String.join(", ", terms);
    }

    static String page(Pageable pageable, Map<String, Object> params) {
        if (pageable.isUnpaged()) {
            return "";
        }
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        return " limit :limit offset :offset";
    }
}

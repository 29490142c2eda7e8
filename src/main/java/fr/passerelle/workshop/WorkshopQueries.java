package fr.passerelle.workshop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind the lists: staff spaces, the public catalogue, the requests queue. Filters and sorts
 * are pushed into the database (sorts from whitelists), pages with limit and offset.
 */
@Component
class WorkshopQueries {

    private static final Map<String, String> SPACE_SORT = Map.of(
            "establishment", "search_text(e.name)",
            "label", "search_text(s.label)",
            "disp", "e.disp_code",
            "department", "e.department_code",
            "area", "s.area_m2",
            "category", "s.activity_category",
            "availability", "s.availability",
            "updated", "s.updated_at");
    private static final Map<String, String> CATALOGUE_SORT = Map.of(
            "establishment", "search_text(e.name)",
            "commune", "search_text(e.commune)",
            "department", "e.department_code",
            "region", "search_text(r.name)",
            "area", "s.area_m2",
            "availability", "s.availability");

    private static final String SPACE_FROM = """
            from workshop_space s
            join establishment e on e.id = s.establishment_id
            left join region r on r.code = e.region_code
            """;

    private static final String SPACE_SELECT = """
            select s.id, s.establishment_id, e.name as establishment_name, e.type_code, e.commune, e.department_code,
                   e.region_code, r.name as region_name, e.disp_code, s.label, s.area_m2, s.storage_m2, s.loading_dock,
                   s.current_activity, s.activity_category, s.availability, s.available_from, s.referent_id,
                   u.display_name as referent_name, s.notes, s.public_listing, s.updated_at, s.version,
                   (select count(*) from workshop_interest i where i.space_id = s.id and i.status = 'PENDING') as pending
            """ + SPACE_FROM + "left join app_user u on u.id = s.referent_id\n";
    private static final String INTEREST_SELECT = """
            select i.id, i.space_id, s.label, s.establishment_id, e.name as establishment_name, i.disp_code, i.company_name,
                   i.siret, i.contact_name, i.email, i.phone, i.message, i.status, i.created_at,
                   u.display_name as handled_by_name, i.handled_at
            from workshop_interest i
            join workshop_space s on s.id = i.space_id
            join establishment e on e.id = s.establishment_id
            left join app_user u on u.id = i.handled_by
            """;

    private final JdbcClient jdbc;

    WorkshopQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WorkshopSpaceSummary> spaces(WorkshopSpaceFilter filter, Pageable pageable) {
        var params = new HashMap<String, Object>();
        String sql = SPACE_SELECT + spaceWhere(filter, params) + orderBy(pageable.getSort(), SPACE_SORT, "search_text(e.name), search_text(s.label), s.id")
                + page(pageable, params);
        return jdbc.sql(sql).params(params).query(WorkshopQueries::space).list();
    }

    long countSpaces(WorkshopSpaceFilter filter) {
        var params = new HashMap<String, Object>();
        return jdbc.sql("select count(*) " + SPACE_FROM + spaceWhere(filter, params)).params(params).query(Long.class).single();
    }

    Optional<WorkshopSpaceSummary> space(long id) {
        return jdbc.sql(SPACE_SELECT + "where s.id = :id").param("id", id).query(WorkshopQueries::space).optional();
    }


    private static String spaceWhere(WorkshopSpaceFilter filter, Map<String, Object> params) {
        var conditions = new ArrayList<String>();
        conditions.add("true");
        if (filter.dispCode() != null) {
            conditions.add("e.disp_code = :disp");
            params.put("disp", filter.dispCode());
        }
        if (filter.regionCode() != null) {
            conditions.add("e.region_code = :region");
            params.put("region", filter.regionCode());
        }
        if (filter.establishmentId() != null) {
            conditions.add("s.establishment_id = :establishment");
            params.put("establishment", filter.establishmentId());
        }
        if (filter.activityCategory() != null) {
            conditions.add("s.activity_category = :category");
            params.put("category", filter.activityCategory().name());
        }
        if (filter.availability() != null) {
            conditions.add("s.availability = :availability");
            params.put("availability", filter.availability().name());
        }
        if (!filter.search().isEmpty()) {
            conditions.add("""
                    (search_text(s.label) like '%' || search_text(:q) || '%'
                     or search_text(coalesce(s.current_activity, '')) like '%' || search_text(:q) || '%'
                     or search_text(e.name) like '%' || search_text(:q) || '%'
                     or search_text(e.commune) like '%' || search_text(:q) || '%')""");
            params.put("q", escapeLike(filter.search()));
        }
        return "where " + String.join(" and ", conditions) + "\n";
    }

    private static WorkshopSpaceSummary space(ResultSet rs, int row) throws SQLException {
        return new WorkshopSpaceSummary(rs.getLong("id"), rs.getLong("establishment_id"), rs.getString("establishment_name"),
                rs.getString("type_code"), rs.getString("commune"), rs.getString("department_code"), rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("disp_code"), rs.getString("label"), rs.getInt("area_m2"),
                rs.getObject("storage_m2", Integer.class), rs.getBoolean("loading_dock"), rs.getString("current_activity"),
                ActivityCategory.valueOf(rs.getString("activity_category")), Availability.valueOf(rs.getString("availability")),
                rs.getObject("available_from", LocalDate.class), rs.getObject("referent_id", Long.class),
                rs.getString("referent_name"), rs.getString("notes"), rs.getBoolean("public_listing"), rs.getLong("pending"),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    /**
     * The public spaces of active establishments. The referent's name only while their account is an
     * active referent's; never an address.
     */
    List<CatalogueEntry> catalogue(CatalogueFilter filter, LocalDate today, Pageable pageable) {
        return catalogue(filter, null, today, pageable);
    }

    Optional<CatalogueEntry> catalogueEntry(long spaceId, LocalDate today) {
        return catalogue(CatalogueFilter.none(), spaceId, today, Pageable.unpaged()).stream().findFirst();
    }

    private List<CatalogueEntry> catalogue(CatalogueFilter filter, @Nullable Long spaceId, LocalDate today, Pageable pageable) {
        var params = new HashMap<String, Object>();
        params.put("today", today);
        String where = catalogueWhere(filter, params);
        if (spaceId != null) {
            where = where.stripTrailing() + " and s.id = :id\n";
            params.put("id", spaceId);
        }
        String sql = """
                select s.id, e.id as establishment_id, e.name as establishment_name, e.type_code, t.label as type_label,
                       e.commune, e.department_code, d.name as department_name, e.region_code, r.name as region_name,
                       e.disp_code, p.name as disp_name, s.label, s.area_m2, s.storage_m2, s.loading_dock, s.current_activity,
                       s.activity_category,
                       case when s.availability = 'AVAILABLE_FROM' and s.available_from <= :today then 'AVAILABLE'
                            else s.availability end as availability,
                       case when s.available_from > :today then s.available_from end as available_from,
                       case when u.enabled and u.role = 'REFERENT' then u.display_name end as referent_name
                """ + catalogueFrom() + "left join app_user u on u.id = s.referent_id\n"
                + where
                + orderBy(pageable.getSort(), CATALOGUE_SORT, "search_text(r.name), search_text(e.name), search_text(s.label), s.id")
                + page(pageable, params);
        return jdbc.sql(sql).params(params).query((rs, row) -> new CatalogueEntry(rs.getLong("id"), rs.getLong("establishment_id"),
                rs.getString("establishment_name"), rs.getString("type_code"), rs.getString("type_label"), rs.getString("commune"),
                rs.getString("department_code"), rs.getString("department_name"), rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("disp_code"), rs.getString("disp_name"), rs.getString("label"),
                rs.getInt("area_m2"), rs.getObject("storage_m2", Integer.class), rs.getBoolean("loading_dock"),
                rs.getString("current_activity"), ActivityCategory.valueOf(rs.getString("activity_category")),
                Availability.valueOf(rs.getString("availability")), rs.getObject("available_from", LocalDate.class),
                rs.getString("referent_name"))).list();
    }

    long countCatalogue(CatalogueFilter filter) {
        var params = new HashMap<String, Object>();
        return jdbc.sql("select count(*) " + catalogueFrom() + catalogueWhere(filter, params)).params(params)
                .query(Long.class).single();
    }

    List<CatalogueRegion> catalogueRegions() {
        return jdbc.sql("select r.code, r.name, count(*) as spaces " + catalogueFrom() + catalogueWhere(CatalogueFilter.none(), new HashMap<>())
                        + "and r.code is not null group by r.code, r.name order by search_text(r.name)")
                .query(CatalogueRegion.class).list();
    }

    /** Whether the public catalogue shows this space (so that a visitor may ask about it). */
    boolean isListed(long spaceId) {
        return jdbc.sql("select exists (select 1 " + catalogueFrom() + "where s.id = :id and s.public_listing and e.active)")
                .param("id", spaceId).query(Boolean.class).single();
    }

    private static String catalogueFrom() {
        return """
                from workshop_space s
                join establishment e on e.id = s.establishment_id
                join establishment_type t on t.code = e.type_code
                join disp p on p.code = e.disp_code
                left join department d on d.code = e.department_code
                left join region r on r.code = e.region_code
                """;
    }

    private static String catalogueWhere(CatalogueFilter filter, Map<String, Object> params) {
        var conditions = new ArrayList<String>();
        conditions.add("s.public_listing");
        conditions.add("e.active");
        if (filter.regionCode() != null) {
            conditions.add("e.region_code = :region");
            params.put("region", filter.regionCode());
        }
        if (filter.activity() != null) {
            conditions.add("s.activity_category = :category");
            params.put("category", filter.activity().name());
        }
        if (!filter.text().isEmpty()) {
            conditions.add("""
                    (search_text(e.name) like '%' || search_text(:q) || '%'
                     or search_text(e.commune) like '%' || search_text(:q) || '%'
                     or search_text(coalesce(d.name, '')) like '%' || search_text(:q) || '%'
                     or search_text(s.label) like '%' || search_text(:q) || '%'
                     or search_text(coalesce(s.current_activity, '')) like '%' || search_text(:q) || '%')""");
            params.put("q", escapeLike(filter.text()));
        }
        return "where " + String.join(" and ", conditions) + "\n";
    }

    /** Requests of one DISP (or every DISP for null) in one state, oldest first. */
    List<WorkshopInterestSummary> interests(@Nullable String dispCode, InterestStatus status, Pageable pageable) {
        var params = new HashMap<String, Object>();
        String sql = INTEREST_SELECT + interestWhere(dispCode, status, params) + "order by i.created_at, i.id" + page(pageable, params);
        return jdbc.sql(sql).params(params).query(WorkshopQueries::interest).list();
    }

    long countInterests(@Nullable String dispCode, InterestStatus status) {
        var params = new HashMap<String, Object>();
        return jdbc.sql("select count(*) from workshop_interest i " + interestWhere(dispCode, status, params)).params(params)
                .query(Long.class).single();
    }

    Optional<WorkshopInterestSummary> interest(long id) {
        return jdbc.sql(INTEREST_SELECT + "where i.id = :id").param("id", id).query(WorkshopQueries::interest).optional();
    }

    private static String interestWhere(@Nullable String dispCode, InterestStatus status, Map<String, Object> params) {
        params.put("status", status.name());
        if (dispCode == null) {
            return "where i.status = :status\n";
        }
        params.put("disp", dispCode);
        return "where i.status = :status and i.disp_code = :disp\n";
    }

    private static WorkshopInterestSummary interest(ResultSet rs, int row) throws SQLException {
        Timestamp handledAt = rs.getTimestamp("handled_at");
        return new WorkshopInterestSummary(rs.getLong("id"), rs.getLong("space_id"), rs.getString("label"),
                rs.getLong("establishment_id"), rs.getString("establishment_name"), rs.getString("disp_code"),
                rs.getString("company_name"), rs.getString("siret"), rs.getString("contact_name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("message"), InterestStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("handled_by_name"),
                handledAt == null ? null : handledAt.toInstant());
    }

    private static String orderBy(Sort sort, Map<String, String> columns, String tieBreak) {
        var terms = new ArrayList<String>();
        for (Sort.Order order : sort) {
            String column = columns.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Workshop spaces cannot be sorted by " + order.getProperty());
            }
            terms.add(column + (order.isAscending() ? " asc" : " desc") + " nulls last");
        }
        terms.add(tieBreak);
        return "order by " + String.join(", ", terms) + "\n";
    }

    private static String page(Pageable pageable, Map<String, Object> params) {
        if (pageable.isUnpaged()) {
            return "";
        }
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        return " limit :limit offset :offset";
    }

    /** What a person typed, for {@code like '%' || search_text(:q) || '%'}: their % and _ match literally. */
    private static String escapeLike(String text) {
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package fr.passerelle.reference;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the published reference data: DISP, establishments, departments, NAF, ROME. The data
 * is public (open data), so reading it needs no particular role; lists show active rows only, while
 * look-ups by code or id also find rows that have left the files (older records still point to them).
 */
@Service
@Transactional(readOnly = true)
public class ReferenceService {

    /** Sortable establishment columns (the grid's column keys) and the SQL they sort by. */
    private static final Map<String, String> ESTABLISHMENT_SORT = Map.of(
            "name", "search_text(e.name)",
            "type", "search_text(t.label)",
            "commune", "search_text(e.commune)",
            "department", "e.department_code",
            "disp", "e.disp_code");
    private static final Pattern NAF_CODE = Pattern.compile("(\\d{2})\\.?(\\d{2})([A-Za-z])");

    private final JdbcClient jdbc;

    ReferenceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active DISP, by code. */
    public List<DispSummary> disps() {
        return jdbc.sql("select code, name from disp where active order by code").query(DispSummary.class).list();
    }

    /** The active departments, by code, with their region and DISP. */
    public List<DepartmentSummary> departments() {
        return jdbc.sql("""
                select d.code, d.name, d.region_code, r.name as region_name, d.disp_code
                from department d join region r on r.code = d.region_code
                where d.active order by d.code""").query(DepartmentSummary.class).list();
    }

    /** The kinds of establishment in use, by label. */
    public List<EstablishmentType> establishmentTypes() {
        return jdbc.sql("select code, label from establishment_type where active order by label").query(EstablishmentType.class).list();
    }

    /**
     * One page of the active establishments that match the filter. Sortable properties: {@code name},
     * {@code type}, {@code commune}, {@code department}, {@code disp}; by name when the page has no sort.
     *
     * @throws IllegalArgumentException for any other sort property
     */
    public List<EstablishmentSummary> establishments(EstablishmentFilter filter, Pageable pageable) {
        var params = new HashMap<String, Object>();
        var sql = new StringBuilder("""
                select e.id, e.code, e.name, e.type_code, t.label as type_label, e.commune,
                       e.department_code, d.name as department_name, e.disp_code
                from establishment e
                join establishment_type t on t.code = e.type_code
                left join department d on d.code = e.department_code
                """).append(where(filter, params)).append(orderBy(pageable.getSort()));
        if (pageable.isPaged()) {
            sql.append(" limit :limit offset :offset");
            params.put("limit", pageable.getPageSize());
            params.put("offset", pageable.getOffset());
        }
        return jdbc.sql(sql.toString()).params(params).query(EstablishmentSummary.class).list();
    }

    /** How many active establishments match the filter. */
    public long countEstablishments(EstablishmentFilter filter) {
        var params = new HashMap<String, Object>();
        String sql = "select count(*) from establishment e join establishment_type t on t.code = e.type_code\n" + where(filter, params);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String where(EstablishmentFilter filter, Map<String, Object> params) {
        var conditions = new ArrayList<String>();
        conditions.add("e.active");
        if (filter.dispCode() != null) {
            conditions.add("e.disp_code = :disp");
            params.put("disp", filter.dispCode());
        }
        if (filter.typeCode() != null) {
            conditions.add("e.type_code = :type");
            params.put("type", filter.typeCode());
        }
        if (filter.departmentCode() != null) {
            conditions.add("e.department_code = :department");
            params.put("department", filter.departmentCode());
        }
        if (!filter.search().isEmpty()) {
            conditions.add("""
                    (search_text(e.name) like '%' || search_text(:q) || '%'
                     or search_text(e.commune) like '%' || search_text(:q) || '%'
                     or search_text(e.code) like '%' || search_text(:q) || '%')""");
            params.put("q", escapeLike(filter.search()));
        }
        return "where " + String.join(" and ", conditions) + "\n";
    }

    private static String orderBy(Sort sort) {
        var terms = new ArrayList<String>();
        for (Sort.Order order : sort) {
            String column = ESTABLISHMENT_SORT.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("Establishments cannot be sorted by " + order.getProperty());
            }
            terms.add(column + (order.isAscending() ? " asc" : " desc") + " nulls last");
        }
        terms.add("search_text(e.name)");
        terms.add("e.id");
        return "order by " + String.join(", ", terms);
    }

    /** One establishment, including one that has left the published files. */
    public Optional<EstablishmentDetails> establishment(long id) {
        return jdbc.sql("""
                select e.id, e.code, e.name, e.directory_name, e.directory_note, e.type_code, t.label as type_label,
                       e.disp_code, p.name as disp_name, e.quarters, e.commune_code, e.commune,
                       e.department_code, d.name as department_name, e.region_code, r.name as region_name,
                       e.overseas_collectivity_code, c.name as overseas_collectivity_name,
                       e.address, e.postcode, e.city, e.latitude, e.longitude, e.quality_note, e.active
                from establishment e
                join establishment_type t on t.code = e.type_code
                join disp p on p.code = e.disp_code
                left join department d on d.code = e.department_code
                left join region r on r.code = e.region_code
                left join overseas_collectivity c on c.code = e.overseas_collectivity_code
                where e.id = :id""").param("id", id).query(ReferenceService::details).optional();
    }

    private static EstablishmentDetails details(ResultSet rs, int row) throws SQLException {
        Array quarters = rs.getArray("quarters");
        return new EstablishmentDetails(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("directory_name"), rs.getString("directory_note"),
                rs.getString("type_code"), rs.getString("type_label"), rs.getString("disp_code"), rs.getString("disp_name"),
                List.of((String[]) quarters.getArray()),
                rs.getString("commune_code"), rs.getString("commune"),
                rs.getString("department_code"), rs.getString("department_name"),
                rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("overseas_collectivity_code"), rs.getString("overseas_collectivity_name"),
                rs.getString("address"), rs.getString("postcode"), rs.getString("city"),
                rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
                rs.getString("quality_note"), rs.getBoolean("active"));
    }

    /** The 21 NAF sections (A–U). */
    public List<NafSection> nafSections() {
        return jdbc.sql("select code, label from naf_section where active order by code").query(NafSection.class).list();
    }

    public Optional<NafSection> nafSection(String code) {
        return jdbc.sql("select code, label from naf_section where code = :code")
                .param("code", code.strip().toUpperCase(Locale.ROOT)).query(NafSection.class).optional();
    }

    /** A NAF sub-class by its code, written {@code 42.21Z}, {@code 4221Z} or {@code 4221z}. */
    public Optional<NafSubClass> nafSubClass(String code) {
        var matcher = NAF_CODE.matcher(code.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String normalised = matcher.group(1) + "." + matcher.group(2) + matcher.group(3).toUpperCase(Locale.ROOT);
        return jdbc.sql(NAF_SELECT + "where n.code = :code").param("code", normalised).query(NafSubClass.class).optional();
    }

    /** Active NAF sub-classes whose code starts with, or whose label contains, the text (accents and case ignored). */
    public List<NafSubClass> searchNafSubClasses(String text, int limit) {
        String compactCode = text.strip().replace(".", "");
        return jdbc.sql(NAF_SELECT + """
                where n.active and (replace(n.code, '.', '') ilike :codePrefix or search_text(n.label) like '%' || search_text(:q) || '%')
                order by n.code limit :limit""")
                .param("codePrefix", escapeLike(compactCode) + "%").param("q", escapeLike(text)).param("limit", limit)
                .query(NafSubClass.class).list();
    }

    private static final String NAF_SELECT = """
            select n.code, n.label, n.division_code, d.label as division_label, n.section_code, s.label as section_label
            from naf_sub_class n join naf_division d on d.code = n.division_code join naf_section s on s.code = n.section_code
            """;

    /** The 14 ROME job families (A–N). */
    public List<RomeFamily> romeFamilies() {
        return jdbc.sql("select code, label from rome_family where active order by code").query(RomeFamily.class).list();
    }

    public Optional<RomeFamily> romeFamily(String code) {
        return jdbc.sql("select code, label from rome_family where code = :code")
                .param("code", code.strip().toUpperCase(Locale.ROOT)).query(RomeFamily.class).optional();
    }

    /** A ROME job sheet by its code, e.g. {@code F1603}. */
    public Optional<RomeJob> romeJob(String code) {
        return jdbc.sql(ROME_SELECT + "where j.code = :code")
                .param("code", code.strip().toUpperCase(Locale.ROOT)).query(RomeJob.class).optional();
    }

    /** Active ROME job sheets whose code starts with, or whose label contains, the text (accents and case ignored). */
    public List<RomeJob> searchRomeJobs(String text, int limit) {
        return jdbc.sql(ROME_SELECT + """
                where j.active and (j.code ilike :codePrefix or search_text(j.label) like '%' || search_text(:q) || '%')
                order by j.code limit :limit""")
                .param("codePrefix", escapeLike(text.strip()) + "%").param("q", escapeLike(text)).param("limit", limit)
                .query(RomeJob.class).list();
    }

    private static final String ROME_SELECT = """
            select j.code, j.label, j.domain_code, d.label as domain_label, j.family_code, f.label as family_label
            from rome_job j join rome_domain d on d.code = j.domain_code join rome_family f on f.code = j.family_code
            """;

    /** How many active rows each reference table holds. */
    public ReferenceCounts counts() {
        return jdbc.sql("""
                select (select count(*) from disp where active) as disps,
                       (select count(*) from region where active) as regions,
                       (select count(*) from department where active) as departments,
                       (select count(*) from establishment where active) as establishments,
                       (select count(*) from naf_section where active) as naf_sections,
                       (select count(*) from naf_sub_class where active) as naf_sub_classes,
                       (select count(*) from rome_family where active) as rome_families,
                       (select count(*) from rome_job where active) as rome_jobs""").query(ReferenceCounts.class).single();
    }

    /** What a person typed, for {@code like '%' || search_text(:q) || '%'}: their % and _ match literally. */
    private static String escapeLike(String text) {
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package fr.passerelle.partner;

import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.ReferenceService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations for other modules to pick (decision record 015): federations, training bodies, funders… found by
 * kind and name for an autocomplete, and one read by id. Staff read them as they read the companies list (every
 * DISP, narrowed on request); changing one goes through {@link CompanyService} and its scope.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class OrganisationDirectory {

    /** The longest page one call returns, whatever it asks for. */
    static final int MAXIMUM_PAGE = 50;

    private final CompanyQueries queries;
    private final CompanyService companies;
    private final ReferenceService reference;

    OrganisationDirectory(CompanyQueries queries, CompanyService companies, ReferenceService reference) {
        this.queries = queries;
        this.companies = companies;
        this.reference = reference;
    }

    /**
     * The partners of these kinds (every kind when empty) whose names, commune or SIRET have words starting with
     * the typed ones (the companies list's search: accents and case ignored, three characters at least, else
     * no narrowing), in name order.
     *
     * @param dispCode only the partners of this DISP, or every DISP when null
     */
    public List<OrganisationOption> search(Set<PartnerKind> kinds, String text, @Nullable String dispCode, Pageable pageable) {
        Pageable page = PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), MAXIMUM_PAGE),
                Sort.by("name"));
        Map<String, DepartmentSummary> departments = departments();
        return queries.page(filter(kinds, text, dispCode), page).stream()
                .map(s -> option(s.id(), s.displayName(), s.kind(), departments.get(s.departmentCode()), s.departmentCode(), s.dispCode()))
                .toList();
    }

    /** How many partners {@link #search} finds, up to 10,001 (as the companies list counts). */
    public long count(Set<PartnerKind> kinds, String text, @Nullable String dispCode) {
        return queries.count(filter(kinds, text, dispCode));
    }

    /** One partner's name, kind and place, if it exists. */
    public Optional<OrganisationOption> find(long id) {
        return companies.get(id).map(c -> new OrganisationOption(c.id(), c.displayName(), c.kind(), c.departmentCode(),
                c.dispCode(), c.regionCode(), c.regionName()));
    }

    private static CompanyFilter filter(Set<PartnerKind> kinds, String text, @Nullable String dispCode) {
        return CompanyFilter.none().withDisp(dispCode).withSearch(text).withKinds(kinds);
    }

    private Map<String, DepartmentSummary> departments() {
        return reference.departments().stream().collect(Collectors.toMap(DepartmentSummary::code, Function.identity()));
    }

    private static OrganisationOption option(long id, String name, PartnerKind kind, @Nullable DepartmentSummary department,
                                             String departmentCode, String dispCode) {
        return new OrganisationOption(id, name, kind, departmentCode, dispCode,
                department == null ? "" : department.regionCode(), department == null ? "" : department.regionName());
    }
}

package fr.passerelle.partner;

import fr.passerelle.base.Role;
import fr.passerelle.partner.domain.Company;
import fr.passerelle.partner.domain.CompanyRepository;
import fr.passerelle.partner.domain.PipelineMove;
import fr.passerelle.partner.domain.PipelineMoveRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies: the list, one company, creating and changing them, the pipeline. Staff read every
 * company; only an administrator or a referent of the company's DISP changes it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class CompanyService {

    private final CompanyRepository companies;
    private final PipelineMoveRepository moves;
    private final CompanyQueries queries;
    private final CompanyDraftValidator validator;
    private final PartnerScope scope;
    private final JdbcClient jdbc;

    CompanyService(CompanyRepository companies, PipelineMoveRepository moves, CompanyQueries queries,
                   CompanyDraftValidator validator, PartnerScope scope, JdbcClient jdbc) {
        this.companies = companies;
        this.moves = moves;
        this.queries = queries;
        this.validator = validator;
        this.scope = scope;
        this.jdbc = jdbc;
    }

    public List<CompanySummary> search(CompanyFilter filter, Pageable pageable) {
        return queries.page(filter, pageable);
    }

    public long count(CompanyFilter filter) {
        return queries.count(filter);
    }

    /** The board: the most recently updated companies of each stage, and how many each stage has. */
    public Map<PipelineStage, StageColumn> board(CompanyFilter filter, int perStage) {
        Map<PipelineStage, Long> counts = queries.countByStage(filter);
        Map<PipelineStage, StageColumn> board = new EnumMap<>(PipelineStage.class);
        for (PipelineStage stage : PipelineStage.values()) {
            var stageFilter = filter.withStages(Set.of(stage));
            List<CompanySummary> cards = filter.stages().isEmpty() || filter.stages().contains(stage)
                    ? queries.page(stageFilter, PageRequest.of(0, perStage, Sort.by(Sort.Order.desc("updated"))))
                    : List.of();
            board.put(stage, new StageColumn(stage, cards, cards.isEmpty() ? 0 : counts.getOrDefault(stage, 0L)));
        }
        return board;
    }

    public record StageColumn(PipelineStage stage, List<CompanySummary> companies, long total) {
    }

    public Optional<CompanyDetails> get(long id) {
        return jdbc.sql(DETAILS_SQL + " where c.id = :id").param("id", id).query(this::details).optional();
    }

    public CompanyDetails require(long id) {
        return get(id).orElseThrow(() -> new PartnerException(null, "partner.error.company-not-found"));
    }

    /** The company with that SIRET (typed with or without spaces), if there is one: a SIRET is unique. */
    public Optional<CompanyDetails> findBySiret(String siret) {
        return companies.findBySiret(Siret.normalise(siret.strip())).flatMap(company -> get(java.util.Objects.requireNonNull(company.getId())));
    }

    /** Checks and normalises a draft without saving it (forms call it to show errors as soon as possible). */
    public CompanyDraft validate(CompanyDraft draft) {
        return validator.check(draft).draft();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public CompanyDetails create(CompanyDraft draft, CompanySource source) {
        var checked = validator.check(draft);
        scope.requireEdit(checked.department().dispCode());
        CompanyDraft valid = checked.draft();
        String siret = valid.siret().isEmpty() ? null : valid.siret();
        if (siret != null && companies.existsBySiret(siret)) {
            throw new PartnerException("siret", "partner.error.siret-taken");
        }
        var company = new Company(siret, valid.kind(), source);
        apply(company, valid);
        if (company.getOwnerId() == null && scope.user().role() == Role.REFERENT) {
            company.setOwnerId(scope.user().id());
        }
        companies.saveAndFlush(company);
        moves.save(new PipelineMove(company.getId(), null, company.getStage(), null, scope.user().username()));
        return require(company.getId());
    }

    /**
     * Changes a company. {@code expectedVersion} is the version the person started from: if someone
     * saved in between, nothing is overwritten and the person is told.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public CompanyDetails update(long id, long expectedVersion, CompanyDraft draft) {
        Company company = scope.editableCompany(id);
        if (company.getVersion() != expectedVersion) {
            throw new PartnerException(null, "partner.error.changed-meanwhile");
        }
        var checked = validator.check(draft);
        // Moving a company to another DISP is allowed only to someone who may edit in the new one too.
        scope.requireEdit(checked.department().dispCode());
        CompanyDraft valid = checked.draft();
        String siret = valid.siret().isEmpty() ? null : valid.siret();
        if (siret != null && !siret.equals(company.getSiret()) && companies.existsBySiret(siret)) {
            throw new PartnerException("siret", "partner.error.siret-taken");
        }
        company.setSiret(siret);
        company.setKind(valid.kind());
        apply(company, valid);
        try {
            companies.saveAndFlush(company);
        } catch (OptimisticLockingFailureException e) {
            throw new PartnerException(null, "partner.error.changed-meanwhile");
        }
        return require(id);
    }

    private static void apply(Company company, CompanyDraft draft) {
        company.setLegalName(draft.legalName());
        company.setTradeName(draft.tradeName());
        company.setNafCode(draft.nafCode());
        company.setWorkforceBracket(draft.workforceBracket() == null ? null : draft.workforceBracket().code());
        company.setStreet(draft.street());
        company.setPostcode(draft.postcode());
        company.setCommune(draft.commune());
        company.setDepartmentCode(draft.departmentCode() == null ? "" : draft.departmentCode());
        company.setWebsite(draft.website());
        company.setLabels(draft.labels().stream().map(Enum::name).sorted().toArray(String[]::new));
        company.setOwnerId(draft.ownerId());
    }

    /** Moves a company along the pipeline and records the move; declining needs a reason. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public CompanyDetails moveStage(long id, PipelineStage stage, @Nullable String reason) {
        Company company = scope.editableCompany(id);
        String why = CompanyDraftValidator.blankToNull(reason);
        if (stage == PipelineStage.DECLINED && why == null) {
            throw new PartnerException("reason", "partner.error.declined-reason-required");
        }
        if (company.getStage() == stage) {
            return require(id);
        }
        PipelineStage from = company.getStage();
        company.moveTo(stage, why);
        companies.saveAndFlush(company);
        moves.save(new PipelineMove(id, from, stage, why, scope.user().username()));
        return require(id);
    }

    public List<PipelineMoveEntry> pipelineHistory(long companyId) {
        return moves.findByCompanyIdOrderByMovedAtDescIdDesc(companyId).stream()
                .map(m -> new PipelineMoveEntry(m.getId(), m.getFromStage(), m.getToStage(), m.getReason(), m.getMovedBy(), m.getMovedAt()))
                .toList();
    }

    /**
     * Likely duplicates of a company being entered: the same SIREN anywhere, or a similar name in the
     * same department (the only test for an organisation entered without a SIRET).
     */
    public List<DuplicateCandidate> findDuplicates(String siret, String legalName, @Nullable String departmentCode,
                                                   @Nullable Long excludeId) {
        String digits = Siret.normalise(siret);
        String siren = digits.length() >= 9 ? digits.substring(0, 9) : "";
        return jdbc.sql("""
                        select c.id, c.siret, c.legal_name, coalesce(c.commune, '') as commune, c.department_code,
                               c.siren = :siren as same_siren,
                               similarity(search_text(c.legal_name), search_text(:name)) as name_similarity
                        from company c
                        where c.id <> :exclude
                          and (c.siren = :siren
                               or (c.department_code = :department and search_text(c.legal_name) % search_text(:name)))
                        order by same_siren desc, name_similarity desc
                        limit 10
                        """)
                .param("siren", siren)
                .param("name", legalName.strip())
                .param("department", departmentCode == null ? "" : departmentCode)
                .param("exclude", excludeId == null ? -1L : excludeId)
                .query((rs, row) -> new DuplicateCandidate(rs.getLong("id"), rs.getString("siret"), rs.getString("legal_name"),
                        rs.getString("commune"), rs.getString("department_code"), rs.getBoolean("same_siren"),
                        rs.getDouble("name_similarity")))
                .list();
    }

    private static final String DETAILS_SQL = """
            select c.*, n.label as naf_label, n.section_code, s.label as section_label, d.name as department_name,
                   r.name as region_name, u.display_name as owner_name
            from company c
            left join naf_sub_class n on n.code = c.naf_code
            left join naf_section s on s.code = n.section_code
            join department d on d.code = c.department_code
            join region r on r.code = c.region_code
            left join app_user u on u.id = c.owner_id
            """;

    private CompanyDetails details(ResultSet rs, int row) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        String[] labels = (String[]) rs.getArray("labels").getArray();
        String bracket = rs.getString("workforce_bracket");
        String disp = rs.getString("disp_code");
        return new CompanyDetails(rs.getLong("id"), PartnerKind.valueOf(rs.getString("kind")), rs.getString("siret"), rs.getString("siren"), rs.getString("legal_name"),
                rs.getString("trade_name"), rs.getString("naf_code"), rs.getString("naf_label"), rs.getString("section_code"),
                rs.getString("section_label"), bracket == null ? null : WorkforceBracket.ofCode(bracket).orElse(null),
                rs.getString("street"), rs.getString("postcode"), rs.getString("commune"), rs.getString("department_code"),
                rs.getString("department_name"), rs.getString("region_code"), rs.getString("region_name"), disp,
                rs.getString("website"), Arrays.stream(labels).map(CompanyLabel::valueOf).collect(Collectors.toUnmodifiableSet()),
                CompanySource.valueOf(rs.getString("source")), PipelineStage.valueOf(rs.getString("stage")),
                rs.getString("declined_reason"), ownerId, rs.getString("owner_name"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"),
                scope.canEdit(disp));
    }
}

package fr.passerelle.partner;

import fr.passerelle.partner.domain.Company;
import fr.passerelle.partner.domain.CompanyRepository;
import fr.passerelle.partner.domain.Contact;
import fr.passerelle.partner.domain.ContactRepository;
import fr.passerelle.partner.domain.Engagement;
import fr.passerelle.partner.domain.EngagementRepository;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a duplicate into the company kept: contacts, engagements, interactions, tasks and pipeline
 * history move over, the kept company's empty fields are filled from the duplicate, and the duplicate
 * is deleted (audited). The merge itself is recorded.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class CompanyMergeService {

    private final CompanyService companyService;
    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final EngagementRepository engagements;
    private final PartnerScope scope;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CompanyMergeService(CompanyService companyService, CompanyRepository companies, ContactRepository contacts,
                        EngagementRepository engagements, PartnerScope scope, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.companyService = companyService;
        this.companies = companies;
        this.contacts = contacts;
        this.engagements = engagements;
        this.scope = scope;
        this.jdbc = jdbc;
        this.events = events;
    }

    public MergePreview preview(long keptId, long mergedId) {
        if (keptId == mergedId) {
            throw new PartnerException(null, "partner.error.merge-same");
        }
        CompanyDetails kept = companyService.require(keptId);
        CompanyDetails merged = companyService.require(mergedId);
        scope.requireEdit(kept.dispCode());
        scope.requireEdit(merged.dispCode());
        List<String> filled = new ArrayList<>();
        CompanyDraft k = kept.toDraft();
        CompanyDraft m = merged.toDraft();
        var labels = EnumSet.noneOf(CompanyLabel.class);
        labels.addAll(k.labels());
        labels.addAll(m.labels());
        var result = new CompanyDraft(k.siret(), k.legalName(),
                fill(k.tradeName(), m.tradeName(), "partner.field.trade-name", filled),
                fill(k.nafCode(), m.nafCode(), "partner.field.naf", filled),
                fill(k.workforceBracket(), m.workforceBracket(), "partner.field.workforce", filled),
                fill(k.street(), m.street(), "partner.field.street", filled),
                fill(k.postcode(), m.postcode(), "partner.field.postcode", filled),
                fill(k.commune(), m.commune(), "partner.field.commune", filled),
                k.departmentCode(),
                fill(k.website(), m.website(), "partner.field.website", filled),
                labels,
                fill(k.ownerId(), m.ownerId(), "partner.field.owner", filled),
                k.kind());
        if (!labels.equals(k.labels())) {
            filled.add("partner.field.labels");
        }
        return new MergePreview(kept, merged, result, filled, count("contact", mergedId), count("engagement", mergedId),
                count("interaction", mergedId), count("task", mergedId), count("pipeline_move", mergedId));
    }

    @Transactional
    public CompanyDetails merge(long keptId, long mergedId) {
        MergePreview preview = preview(keptId, mergedId);
        Company kept = companies.findById(keptId).orElseThrow();
        Company merged = companies.findById(mergedId).orElseThrow();

        boolean keptHasPrimary = contacts.findByCompanyIdOrderByPrimaryDescLastNameAsc(keptId).stream().anyMatch(Contact::isPrimary);
        for (Contact contact : contacts.findByCompanyIdOrderByPrimaryDescLastNameAsc(mergedId)) {
            if (keptHasPrimary) {
                contact.setPrimary(false);
            }
            contact.moveToCompany(keptId);
            contacts.saveAndFlush(contact);
        }
        for (Engagement engagement : engagements.findByCompanyIdOrderByStartDateDesc(mergedId)) {
            engagement.moveToCompany(keptId);
            engagements.saveAndFlush(engagement);
        }
        for (String table : List.of("interaction", "task", "pipeline_move")) {
            jdbc.sql("update " + table + " set company_id = :kept where company_id = :merged")
                    .param("kept", keptId).param("merged", mergedId).update();
        }
        CompanyDraft result = preview.result();
        kept.setTradeName(result.tradeName());
        kept.setNafCode(result.nafCode());
        kept.setWorkforceBracket(result.workforceBracket() == null ? null : result.workforceBracket().code());
        kept.setStreet(result.street());
        kept.setPostcode(result.postcode());
        kept.setCommune(result.commune());
        kept.setWebsite(result.website());
        kept.setLabels(result.labels().stream().map(Enum::name).sorted().toArray(String[]::new));
        kept.setOwnerId(result.ownerId());
        companies.saveAndFlush(kept);

        jdbc.sql("update company_merge set kept_id = :kept where kept_id = :merged").param("kept", keptId).param("merged", mergedId).update();
        jdbc.sql("""
                        insert into company_merge (kept_id, merged_id, merged_siret, merged_name, merged_by)
                        values (:kept, :mergedId, :siret, :name, :by)""")
                .param("kept", keptId).param("mergedId", mergedId).param("siret", merged.getSiret()).param("name", merged.getLegalName())
                .param("by", scope.user().username()).update();
        // Other modules move what they keep of the duplicate (its offers) before it goes, in this transaction.
        events.publishEvent(new CompanyMerging(keptId, mergedId));
        companies.delete(merged);
        companies.flush();
        return companyService.require(keptId);
    }

    private long count(String table, long companyId) {
        return jdbc.sql("select count(*) from " + table + " where company_id = :id").param("id", companyId).query(Long.class).single();
    }

    private static <T> @Nullable T fill(@Nullable T kept, @Nullable T merged, String field, List<String> filled) {
        if (kept == null && merged != null) {
            filled.add(field);
            return merged;
        }
        return kept;
    }
}

package fr.passerelle.partner;

import fr.passerelle.base.AuditRevision;
import fr.passerelle.partner.domain.Company;
import fr.passerelle.partner.domain.Contact;
import fr.passerelle.partner.domain.Engagement;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit trail of a company, its contacts and its engagements (Hibernate Envers), newest first. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class CompanyHistoryService {

    private final EntityManager entityManager;
    private final JdbcClient jdbc;

    CompanyHistoryService(EntityManager entityManager, JdbcClient jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    public List<HistoryEntry> history(long companyId) {
        var names = new Names();
        List<HistoryEntry> entries = new ArrayList<>();
        entries.addAll(changes(Company.class, AuditEntity.id().eq(companyId), Company::getId, c -> null, this::companyFields,
                HistoryEntry.Subject.COMPANY));
        // Every revision of the contacts and engagements that were ever the company's: one moved here by a merge
        // shows its move from the other company rather than appearing from nowhere.
        entries.addAll(changes(Contact.class, AuditEntity.id().in(everIn("contact_aud", companyId)), Contact::getId,
                c -> (c.getFirstName() == null ? "" : c.getFirstName() + " ") + c.getLastName(), c -> fields(c, names),
                HistoryEntry.Subject.CONTACT));
        entries.addAll(changes(Engagement.class, AuditEntity.id().in(everIn("engagement_aud", companyId)), Engagement::getId,
                e -> e.getType().name(), e -> fields(e, names), HistoryEntry.Subject.ENGAGEMENT));
        // Companies merged into this one keep their own trail.
        for (Long mergedId : mergedIds(companyId)) {
            entries.addAll(changes(Company.class, AuditEntity.id().eq(mergedId), Company::getId, Company::getLegalName,
                    this::companyFields, HistoryEntry.Subject.COMPANY));
        }
        entries.sort(Comparator.comparing(HistoryEntry::at).reversed());
        return entries;
    }

    private List<Long> everIn(String auditTable, long companyId) {
        List<Long> ids = jdbc.sql("select distinct id from " + auditTable + " where company_id = :company")
                .param("company", companyId).query(Long.class).list();
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private List<Long> mergedIds(long companyId) {
        return jdbc.sql("""
                        select distinct a.id from company_aud a
                        join company_merge m on m.merged_id = a.id or (m.merged_id is null and m.merged_siret = a.siret)
                        where m.kept_id = :kept and a.id <> :kept
                        """)
                .param("kept", companyId).query(Long.class).list();
    }

    private <T> List<HistoryEntry> changes(Class<T> type, org.hibernate.envers.query.criteria.AuditCriterion criterion,
                                           Function<T, @Nullable Long> id, Function<T, @Nullable String> subject,
                                           Function<T, Map<String, @Nullable String>> fields, HistoryEntry.Subject subjectType) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(criterion)
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        Map<Long, Map<String, @Nullable String>> previous = new HashMap<>();
        List<HistoryEntry> entries = new ArrayList<>();
        for (Object[] revision : revisions) {
            @SuppressWarnings("unchecked")
            T entity = (T) revision[0];
            AuditRevision info = (AuditRevision) revision[1];
            RevisionType kind = (RevisionType) revision[2];
            Long entityId = id.apply(entity);
            Map<String, @Nullable String> now = fields.apply(entity);
            Map<String, @Nullable String> before = previous.getOrDefault(entityId, Map.of());
            List<HistoryEntry.FieldChange> changed = new ArrayList<>();
            if (kind != RevisionType.DEL) {
                for (var field : now.entrySet()) {
                    String old = before.get(field.getKey());
                    if (!Objects.equals(old, field.getValue())) {
                        changed.add(new HistoryEntry.FieldChange(field.getKey(), old, field.getValue()));
                    }
                }
            }
            previous.put(entityId, now);
            if (kind == RevisionType.MOD && changed.isEmpty()) {
                continue;
            }
            entries.add(new HistoryEntry(info.getInstant(), info.getUsername() == null ? "system" : info.getUsername(),
                    subjectType, subject.apply(entity), change(kind), changed));
        }
        return entries;
    }

    private static TimelineEntry.Change change(RevisionType kind) {
        return switch (kind) {
            case ADD -> TimelineEntry.Change.CREATED;
            case MOD -> TimelineEntry.Change.UPDATED;
            case DEL -> TimelineEntry.Change.DELETED;
        };
    }

    private Map<String, @Nullable String> companyFields(Company c) {
        Map<String, @Nullable String> fields = new LinkedHashMap<>();
        fields.put("partner.field.kind", c.getKind() == null ? null : c.getKind().name());
        fields.put("partner.field.siret", c.getSiret());
        fields.put("partner.field.legal-name", c.getLegalName());
        fields.put("partner.field.trade-name", c.getTradeName());
        fields.put("partner.field.naf", c.getNafCode());
        fields.put("partner.field.workforce", c.getWorkforceBracket());
        fields.put("partner.field.street", c.getStreet());
        fields.put("partner.field.postcode", c.getPostcode());
        fields.put("partner.field.commune", c.getCommune());
        fields.put("partner.field.department", c.getDepartmentCode());
        fields.put("partner.field.website", c.getWebsite());
        fields.put("partner.field.labels", c.getLabels() == null ? null : String.join(", ", Arrays.stream(c.getLabels()).sorted().toList()));
        fields.put("partner.field.owner", c.getOwnerId() == null ? null : ownerName(c.getOwnerId()));
        fields.put("partner.field.stage", c.getStage() == null ? null : c.getStage().name());
        fields.put("partner.field.declined-reason", c.getDeclinedReason());
        return fields;
    }

    /** People read who the referent was, not an account number. */
    private String ownerName(long ownerId) {
        return jdbc.sql("select display_name from app_user where id = :id").param("id", ownerId).query(String.class)
                .optional().orElse(String.valueOf(ownerId));
    }

    /**
     * Companies and establishments by name rather than by id, looked up once per history: a contact moved by
     * a merge reads "Hôtel du Lac (SIRET …) → Hôtel du Lac SAS (…)", even when the first company is gone.
     */
    private final class Names {
        private final Map<Long, String> companies = new java.util.HashMap<>();
        private final Map<Long, String> establishments = new java.util.HashMap<>();

        @Nullable String company(@Nullable Long id) {
            return id == null ? null : companies.computeIfAbsent(id, key -> jdbc.sql("""
                            select coalesce(
                                (select c.legal_name || coalesce(' (' || c.siret || ')', '') from company c where c.id = :id),
                                (select a.legal_name || coalesce(' (' || a.siret || ')', '') from company_aud a
                                 where a.id = :id and a.legal_name is not null order by a.rev desc limit 1),
                                cast(:id as text))""")
                    .param("id", key).query(String.class).single());
        }

        String establishments(java.util.Collection<Long> ids) {
            return ids.stream().map(id -> establishments.computeIfAbsent(id, key -> jdbc.sql(
                            "select coalesce((select name from establishment where id = :id), cast(:id as text))")
                    .param("id", key).query(String.class).single())).sorted().reduce((a, b) -> a + ", " + b).orElse("");
        }
    }

    private static Map<String, @Nullable String> fields(Contact c, Names names) {
        Map<String, @Nullable String> fields = new LinkedHashMap<>();
        fields.put("partner.field.first-name", c.getFirstName());
        fields.put("partner.field.last-name", c.getLastName());
        fields.put("partner.field.job-title", c.getJobTitle());
        fields.put("partner.field.email", c.getEmail());
        fields.put("partner.field.phone", c.getPhone());
        fields.put("partner.field.primary", String.valueOf(c.isPrimary()));
        fields.put("partner.field.email-status", c.getEmailStatus() == null ? null : c.getEmailStatus().name());
        fields.put("partner.field.company", names.company(c.getCompanyId()));
        return fields;
    }

    private static Map<String, @Nullable String> fields(Engagement e, Names names) {
        Map<String, @Nullable String> fields = new LinkedHashMap<>();
        fields.put("partner.field.engagement-type", e.getType() == null ? null : e.getType().name());
        fields.put("partner.field.engagement-status", e.getStatus() == null ? null : e.getStatus().name());
        fields.put("partner.field.start-date", e.getStartDate() == null ? null : e.getStartDate().toString());
        fields.put("partner.field.end-date", e.getEndDate() == null ? null : e.getEndDate().toString());
        fields.put("partner.field.headcount", e.getHeadcount() == null ? null : e.getHeadcount().toString());
        fields.put("partner.field.volume", e.getVolume());
        fields.put("partner.field.notes", e.getNotes());
        fields.put("partner.field.establishments", names.establishments(e.getEstablishmentIds()));
        fields.put("partner.field.company", names.company(e.getCompanyId()));
        return fields;
    }
}

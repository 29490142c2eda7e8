package fr.passerelle.offer.internal;

import fr.passerelle.base.AuditRevision;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.offer.domain.Offer;
import fr.passerelle.partner.companypage.CompanyHistorySource;
import fr.passerelle.partner.companypage.PageText;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's history tab shows the audit trail (Hibernate Envers) of every offer that was ever the
 * company's: each revision with the fields it changed, values as people read them.
 */
@Component
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
class OfferHistory implements CompanyHistorySource {

    private final EntityManager entityManager;
    private final JdbcClient jdbc;

    OfferHistory(EntityManager entityManager, JdbcClient jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    @Override
    public List<Change> history(long companyId) {
        List<Long> ids = jdbc.sql("select distinct id from offer_aud where company_id = :company").param("company", companyId)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(Offer.class, false, true)
                .add(AuditEntity.id().in(ids))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        var names = new Names();
        Map<Long, Map<String, @Nullable Object>> previous = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Object[] revision : revisions) {
            Offer offer = (Offer) revision[0];
            AuditRevision info = (AuditRevision) revision[1];
            RevisionType kind = (RevisionType) revision[2];
            Long id = offer.getId();
            Map<String, @Nullable Object> now = fields(offer, names);
            Map<String, @Nullable Object> before = previous.getOrDefault(id, Map.of());
            List<Field> changed = new ArrayList<>();
            if (kind != RevisionType.DEL) {
                now.forEach((label, value) -> {
                    if (!Objects.equals(before.get(label), value)) {
                        changed.add(new Field(label, before.get(label), value));
                    }
                });
            }
            previous.put(id, now);
            if (kind == RevisionType.MOD && changed.isEmpty()) {
                continue;
            }
            var what = PageText.of("offer.history." + kind.name(), Objects.requireNonNullElse(offer.getTitle(), "#" + id));
            changes.add(new Change(info.getInstant(), info.getUsername() == null ? "system" : info.getUsername(), what, changed));
        }
        return changes;
    }

    /** What the history shows of an offer's revision, by the label key of each field. */
    private static Map<String, @Nullable Object> fields(Offer o, Names names) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("offer.field.title", o.getTitle());
        fields.put("offer.field.type", o.getType() == null ? null : PageText.of(o.getType().translationKey()));
        fields.put("offer.field.rome", o.getRomeCode());
        fields.put("offer.field.description", o.getDescription());
        fields.put("offer.field.positions", o.getPositions());
        fields.put("offer.field.contract", o.getContractType() == null ? null : PageText.of(o.getContractType().translationKey()));
        fields.put("offer.field.hours", o.getHoursPerWeek() == null ? null : o.getHoursPerWeek().stripTrailingZeros().toPlainString());
        fields.put("offer.field.commune", o.getCommune());
        fields.put("offer.field.department", o.getDepartmentCode());
        fields.put("offer.field.establishments", names.establishments(o.getEstablishmentIds()));
        fields.put("offer.field.start", o.getStartDate());
        fields.put("offer.field.end", o.getEndDate());
        fields.put("offer.field.contact", names.contact(o.getContactId()));
        fields.put("offer.field.status", o.getStatus() == null ? null : PageText.of(o.getStatus().translationKey()));
        fields.put("offer.field.rejection-reason", o.getRejectionReasonCode() == null ? null
                : PageText.of(o.getRejectionReasonCode().translationKey()));
        fields.put("offer.field.rejection-text", o.getRejectionReason());
        // Audited from V19 on (earlier revisions have none); an extension may change only this.
        fields.put("offer.expiry.field.company-update", o.getLastCompanyUpdateAt() == null ? null
                : DisplayFormats.dateTime(o.getLastCompanyUpdateAt()));
        return fields;
    }

    /** Establishments and contacts by name rather than by id, looked up once per history. */
    private final class Names {
        private final Map<Long, String> establishments = new HashMap<>();
        private final Map<Long, String> contacts = new HashMap<>();

        @Nullable String establishments(java.util.Set<Long> ids) {
            if (ids.isEmpty()) {
                return null;
            }
            return ids.stream().map(id -> establishments.computeIfAbsent(id, key -> jdbc.sql(
                            "select coalesce((select name from establishment where id = :id), cast(:id as text))")
                    .param("id", key).query(String.class).single())).sorted().collect(Collectors.joining(", "));
        }

        @Nullable String contact(@Nullable Long id) {
            return id == null ? null : contacts.computeIfAbsent(id, key -> jdbc.sql("""
                            select coalesce((select btrim(coalesce(first_name, '') || ' ' || last_name) from contact where id = :id),
                                            cast(:id as text))""")
                    .param("id", key).query(String.class).single());
        }
    }
}

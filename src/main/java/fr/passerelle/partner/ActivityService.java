package fr.passerelle.partner;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.partner.domain.Contact;
import fr.passerelle.partner.domain.ContactRepository;
import fr.passerelle.partner.domain.Interaction;
import fr.passerelle.partner.domain.InteractionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happened with a company: interactions logged by people, pipeline moves and engagement changes. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
public class ActivityService {

    private final InteractionRepository interactions;
    private final ContactRepository contacts;
    private final PartnerScope scope;
    private final JdbcClient jdbc;

    ActivityService(InteractionRepository interactions, ContactRepository contacts,
                    PartnerScope scope, JdbcClient jdbc) {
        this.interactions = interactions;
        this.contacts = contacts;
        this.scope = scope;
        this.jdbc = jdbc;
    }

    @Transactional
    public TimelineEntry logInteraction(long companyId, InteractionDraft draft) {
        scope.editableCompany(companyId);
        String summary = draft.summary().strip();
        if (summary.isEmpty()) {
            throw new PartnerException("summary", "partner.error.summary-required");
        }
        // The database keeps microseconds: the entry returned must be the one the timeline shows.
        Instant at = draft.occurredAt().atZone(DisplayFormats.PARIS).toInstant().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(Instant.now().plusSeconds(24 * 3600))) {
            throw new PartnerException("occurredAt", "partner.error.interaction-in-future");
        }
        @Nullable Contact contact = null;
        if (draft.contactId() != null) {
            contact = contacts.findById(draft.contactId()).filter(c -> c.getCompanyId() == companyId)
                    .orElseThrow(() -> new PartnerException("contact", "partner.error.contact-not-of-company"));
        }
        String author = scope.user().username();
        interactions.save(new Interaction(companyId, draft.kind(), at, draft.contactId(), summary, author));
        String contactName = contact == null ? null
                : ((contact.getFirstName() == null ? "" : contact.getFirstName()) + " " + contact.getLastName()).strip();
        return new TimelineEntry(TimelineEntry.Kind.INTERACTION, at, author, draft.kind(), summary,
                contactName == null || contactName.isEmpty() ? null : contactName, null, null, null, null, null, null);
    }

    /** Newest first: interactions, pipeline moves and engagement changes mixed. */
    public List<TimelineEntry> timeline(long companyId) {
        return jdbc.sql("""
                        select 'INTERACTION' as kind, i.occurred_at as at, i.author, i.kind as interaction_kind, i.summary,
                               nullif(btrim(coalesce(ct.first_name, '') || ' ' || ct.last_name), '') as contact_name,
                               null as from_stage, null as to_stage, null as reason,
                               null as change, null as engagement_type, null as engagement_status
                        from interaction i left join contact ct on ct.id = i.contact_id
                        where i.company_id = :company
                        union all
                        select 'PIPELINE_MOVE', m.moved_at, m.moved_by, null, null, null, m.from_stage, m.to_stage, m.reason,
                               null, null, null
                        from pipeline_move m
                        where m.company_id = :company
                        union all
                        select 'ENGAGEMENT', to_timestamp(r.timestamp / 1000.0), coalesce(r.username, 'system'), null, null, null,
                               null, null, null,
                               case ea.revtype when 0 then 'CREATED' when 1 then 'UPDATED' else 'DELETED' end,
                               ea.type, ea.status
                        from engagement_aud ea join audit_revision r on r.id = ea.rev
                        where ea.company_id = :company
                        order by at desc
                        """)
                .param("company", companyId)
                .query(ActivityService::entry)
                .list();
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(TimelineEntry.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("at").toInstant(),
                rs.getString("author"), enumOf(InteractionKind.class, rs.getString("interaction_kind")), rs.getString("summary"),
                rs.getString("contact_name"), enumOf(PipelineStage.class, rs.getString("from_stage")),
                enumOf(PipelineStage.class, rs.getString("to_stage")), rs.getString("reason"),
                enumOf(TimelineEntry.Change.class, rs.getString("change")),
                enumOf(EngagementType.class, rs.getString("engagement_type")),
                enumOf(EngagementStatus.class, rs.getString("engagement_status")));
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}

package fr.passerelle.offer.internal;

import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.RejectionReason;
import fr.passerelle.partner.companypage.CompanyTimelineSource;
import fr.passerelle.partner.companypage.PageText;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's timeline shows when each of its offers was created and every change of its state, by whom: a staff
 * username (the timeline shows its display name), a company's contact by name, a portal account or a declarant by
 * address, a scheduled job as the system (the names of {@code OfferActor}).
 */
@Component
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
class OfferTimeline implements CompanyTimelineSource {

    static final String ICON = "vaadin:briefcase";

    private final JdbcClient jdbc;

    OfferTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Event> timeline(long companyId) {
        return jdbc.sql("""
                        select s.changed_at, s.from_status, s.to_status, s.reason_code, s.reason, o.title,
                               coalesce(case when s.changed_by like 'contact:%'
                                             then (select concat_ws(' ', k.first_name, k.last_name) from contact k
                                                   where k.id = cast(substring(s.changed_by from 9) as bigint))
                                             when s.changed_by like 'company-account:%'
                                             then (select a.email from company_account a
                                                   where a.id = cast(substring(s.changed_by from 17) as bigint))
                                             when s.changed_by like 'portal:%' then substring(s.changed_by from 8)
                                             when s.changed_by like 'job:%' then 'system'
                                        end, s.changed_by) as author
                        from offer_status_change s join offer o on o.id = s.offer_id
                        where o.company_id = :company
                        order by s.changed_at desc, s.id desc""")
                .param("company", companyId)
                .query((rs, row) -> event(rs.getTimestamp("changed_at").toInstant(), rs.getString("author"),
                        rs.getString("title"), rs.getString("from_status"), OfferStatus.valueOf(rs.getString("to_status")),
                        rs.getString("reason_code"), rs.getString("reason")))
                .list();
    }

    private static Event event(java.time.Instant at, String author, String title, @Nullable String from, OfferStatus to,
                               @Nullable String reasonCode, @Nullable String reason) {
        PageText toName = PageText.of(to.translationKey());
        PageText headline = from == null ? PageText.of("offer.timeline.created", title, toName)
                : PageText.of("offer.timeline.moved", title, PageText.of(OfferStatus.valueOf(from).translationKey()), toName);
        if (reasonCode != null) {
            headline = PageText.of("offer.timeline.with-reason", headline, PageText.of(RejectionReason.valueOf(reasonCode).translationKey()));
        }
        return new Event(at, author, headline, reason, ICON);
    }
}

package fr.passerelle.cohort.internal;

import fr.passerelle.partner.companypage.CompanyTimelineSource;
import fr.passerelle.partner.companypage.PageText;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's timeline shows each hire through one of its offers linked to a cohort, dated when the outcome was
 * recorded and by whom, with the cohort's and the offer's titles and never the participant's code. A person still
 * employed through the same offer six months later is one hire, not two.
 */
@Component
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
class CohortHireTimeline implements CompanyTimelineSource {

    static final String ICON = "vaadin:academy-cap";

    private final JdbcClient jdbc;

    CohortHireTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Event> timeline(long companyId) {
        return jdbc.sql("""
                        select f.outcome_recorded_at as at, f.outcome_recorded_by as author, c.title as cohort, o.title as offer
                        from participant p
                        join cohort c on c.id = p.cohort_id
                        join participant_follow_up f on f.participant_id = p.id and f.kind = 'RELEASE'
                        join offer o on o.id = p.release_offer_id
                        where p.release_company_id = :company and f.outcome_recorded_at is not null
                        union all
                        select f.outcome_recorded_at, f.outcome_recorded_by, c.title, o.title
                        from participant p
                        join cohort c on c.id = p.cohort_id
                        join participant_follow_up f on f.participant_id = p.id and f.kind = 'SIX_MONTHS'
                        join offer o on o.id = p.six_month_offer_id
                        where p.six_month_company_id = :company and f.outcome_recorded_at is not null
                          and p.release_offer_id is distinct from p.six_month_offer_id
                        order by 1 desc""")
                .param("company", companyId)
                .query((rs, row) -> new Event(rs.getTimestamp("at").toInstant(), rs.getString("author"),
                        PageText.of("cohort.followup.timeline.hire", rs.getString("cohort"), rs.getString("offer")), null, ICON))
                .list();
    }
}

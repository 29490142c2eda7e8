package fr.passerelle.campaignresults.internal;

import fr.passerelle.campaignresults.CampaignResult.Attribution;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts of a campaign that are not its stream's: one statement per question, counted in PostgreSQL, on the tables
 * their modules write and document for reading (decision record 024): {@code mail_stream} (whether the stream exists),
 * {@code mail_opt_out} (optout), {@code campaign_visit} (portal), {@code offer} with its {@code campaign_id} and
 * {@code offer_status_change} (offer), and {@code participant}'s two offer columns (cohort; counted, never read).
 * A DISP, when given, keeps the offers placed in it, and the messages (and the addresses they got blocked) whose
 * recipient is a contact of a company of that DISP: a campaign's outbox rows carry the contact's id in {@code ref}
 * (decision record 023), joined to {@code contact} and {@code company} (partner) as they are now.
 */
@Repository
public class ResultsReadModel {

    /** Periods are Paris days or hours, cut by PostgreSQL. */
    private static final String ZONE = "Europe/Paris";

    /** A campaign's outbox rows whose recipient is a contact of a company of the DISP (parameters stream, disp). */
    private static final String RECIPIENTS_OF_DISP = """
            from mail_outbox o
            join contact k on k.id = o.ref
            join company c on c.id = k.company_id
            where o.stream = :stream and c.disp_code = :disp""";

    /**
     * The opt-out rows a campaign caused ({@code m}), of the DISP's recipients only when {@code :disp} is set: the
     * blocked address is one the campaign's stream sent to (one row per address), that row's contact in the DISP.
     */
    private static final String BLOCKED_BY_CAMPAIGN = """
            from mail_opt_out m
            where m.source = :source and (cast(:disp as text) is null or exists (
                select 1 from mail_outbox o
                join contact k on k.id = o.ref
                join company c on c.id = k.company_id
                where o.stream = :source and lower(o.recipients[1]) = m.address_key and c.disp_code = :disp))""";

    private final JdbcClient jdbc;

    ResultsReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's stream name, as decision record 020 fixes it. */
    public static String stream(long campaignId) {
        return "campaign:" + campaignId;
    }

    public boolean streamExists(long campaignId) {
        return jdbc.sql("select exists (select 1 from mail_stream where name = :name)").param("name", stream(campaignId))
                .query(Boolean.class).single();
    }

    /**
     * The campaign's messages to the contacts of a DISP's companies, by outbox status. A message whose contact was
     * deleted since is in no DISP; one whose contact moved counts in the DISP of the contact's company now.
     */
    public Map<String, Long> deliveryOfDisp(long campaignId, String dispCode) {
        return jdbc.sql("select o.status, count(*) " + RECIPIENTS_OF_DISP + " group by o.status")
                .param("stream", stream(campaignId)).param("disp", dispCode)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Per period: the DISP's messages sent ({@code first}) and failed ({@code second}), by when they were finished. */
    public List<PeriodCounts> deliveryOfDispPerPeriod(long campaignId, String dispCode, ChronoUnit per) {
        return jdbc.sql("""
                        select date_trunc(:unit, o.finished_at, :zone) as period,
                               count(*) filter (where o.status = 'SENT'), count(*) filter (where o.status = 'FAILED')
                        """ + RECIPIENTS_OF_DISP + """
                         and o.finished_at is not null and o.status in ('SENT', 'FAILED')
                        group by period""")
                .param("unit", unit(per)).param("zone", ZONE).param("stream", stream(campaignId)).param("disp", dispCode)
                .query(ResultsReadModel::periodCounts).list();
    }

    /** Addresses the campaign got blocked (of a DISP's recipients, when given), by opt-out reason ({@code UNSUBSCRIBED}, …). */
    public Map<String, Long> blockedByReason(long campaignId, @Nullable String dispCode) {
        return jdbc.sql("select m.reason, count(*) " + BLOCKED_BY_CAMPAIGN + " group by m.reason")
                .param("source", stream(campaignId)).param("disp", dispCode)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Two counts in one period. */
    public record PeriodCounts(Instant period, long first, long second) {
    }

    /** Per period: addresses blocked (of a DISP's recipients, when given) by bounces ({@code first}), by unsubscribes ({@code second}); complaints not counted. */
    public List<PeriodCounts> blockedPerPeriod(long campaignId, @Nullable String dispCode, ChronoUnit per) {
        return jdbc.sql("""
                        select date_trunc(:unit, m.first_event_at, :zone) as period,
                               count(*) filter (where m.reason in ('HARD_BOUNCE', 'SOFT_BOUNCES')),
                               count(*) filter (where m.reason = 'UNSUBSCRIBED')
                        """ + BLOCKED_BY_CAMPAIGN + """

                        group by period""")
                .param("unit", unit(per)).param("zone", ZONE).param("source", stream(campaignId)).param("disp", dispCode)
                .query(ResultsReadModel::periodCounts).list();
    }

    public long visits(long campaignId) {
        return jdbc.sql("select count(*) from campaign_visit where campaign_id = :campaign").param("campaign", campaignId)
                .query(Long.class).single();
    }

    /** Per period: visits ({@code first}). */
    public List<PeriodCounts> visitsPerPeriod(long campaignId, ChronoUnit per) {
        return jdbc.sql("""
                        select date_trunc(:unit, landed_at, :zone) as period, count(*), 0 from campaign_visit
                        where campaign_id = :campaign group by period""")
                .param("unit", unit(per)).param("zone", ZONE).param("campaign", campaignId)
                .query(ResultsReadModel::periodCounts).list();
    }

    /** The campaign's offers (each a declaration registered from its links), those opened, and the hires on them. */
    public Attribution attribution(long campaignId, @Nullable String dispCode) {
        return jdbc.sql("""
                        with campaign_offer as (
                            select o.id,
                                   exists (select 1 from offer_status_change c where c.offer_id = o.id and c.to_status = 'OPEN') as opened
                            from offer o
                            where o.campaign_id = :campaign and (cast(:disp as text) is null or o.disp_code = :disp))
                        select (select count(*) from campaign_offer),
                               (select count(*) from campaign_offer where opened),
                               (select count(*) from campaign_offer co join participant p on p.release_offer_id = co.id)
                               + (select count(*) from campaign_offer co join participant p on p.six_month_offer_id = co.id
                                  where p.release_offer_id is distinct from co.id)""")
                .param("campaign", campaignId).param("disp", dispCode)
                .query((rs, row) -> new Attribution(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** Per period: declarations registered ({@code first}: offers created), offers opened ({@code second}: first move to {@code OPEN}). */
    public List<PeriodCounts> attributionPerPeriod(long campaignId, @Nullable String dispCode, ChronoUnit per) {
        return jdbc.sql("""
                        with campaign_offer as (
                            select o.id, o.created_at,
                                   (select min(c.changed_at) from offer_status_change c where c.offer_id = o.id and c.to_status = 'OPEN') as opened_at
                            from offer o
                            where o.campaign_id = :campaign and (cast(:disp as text) is null or o.disp_code = :disp)),
                        event as (
                            select date_trunc(:unit, created_at, :zone) as period, 1 as declared, 0 as opened from campaign_offer
                            union all
                            select date_trunc(:unit, opened_at, :zone), 0, 1 from campaign_offer where opened_at is not null)
                        select period, sum(declared), sum(opened) from event group by period""")
                .param("campaign", campaignId).param("disp", dispCode).param("unit", unit(per)).param("zone", ZONE)
                .query(ResultsReadModel::periodCounts).list();
    }

    private static String unit(ChronoUnit per) {
        return switch (per) {
            case DAYS -> "day";
            case HOURS -> "hour";
            default -> throw new IllegalArgumentException("Results are counted per day or per hour");
        };
    }

    private static PeriodCounts periodCounts(ResultSet rs, int row) throws SQLException {
        return new PeriodCounts(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2), rs.getLong(3));
    }
}

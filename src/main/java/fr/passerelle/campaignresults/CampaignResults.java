package fr.passerelle.campaignresults;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.campaignresults.CampaignResult.Attribution;
import fr.passerelle.campaignresults.CampaignResult.Delivery;
import fr.passerelle.campaignresults.CampaignResult.Period;
import fr.passerelle.campaignresults.internal.ResultsReadModel;
import fr.passerelle.campaignresults.internal.ResultsReadModel.PeriodCounts;
import fr.passerelle.mail.MailStreams;
import fr.passerelle.mail.StreamProgress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's results, from its id alone (the campaign itself belongs to the campaign module). Administrators and
 * communication teams read the whole campaign's; a referent their DISP's part: the messages to contacts of its
 * companies and the addresses those got blocked, and the declarations, offers and hires placed in it. Visits are
 * anonymous, so a referent reads none.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'COMMUNICATION', 'REFERENT')")
public class CampaignResults {

    /** The measures of a period, by their place in its counts. */
    private static final int SENT = 0;
    private static final int FAILED = 1;
    private static final int BOUNCED = 2;
    private static final int UNSUBSCRIBED = 3;
    private static final int VISITS = 4;
    private static final int DECLARATIONS = 5;
    private static final int OPENED = 6;
    private static final int MEASURES = 7;

    private final MailStreams streams;
    private final ResultsReadModel readModel;
    private final CurrentUser currentUser;

    CampaignResults(MailStreams streams, ResultsReadModel readModel, CurrentUser currentUser) {
        this.streams = streams;
        this.readModel = readModel;
        this.currentUser = currentUser;
    }

    /**
     * The campaign's results for the signed-in person, with a series per day (Paris days) or per hour. A campaign
     * nothing is known of yet has only zeros.
     *
     * @param per {@link ChronoUnit#DAYS} or {@link ChronoUnit#HOURS}
     */
    public CampaignResult of(long campaignId, ChronoUnit per) {
        if (per != ChronoUnit.DAYS && per != ChronoUnit.HOURS) {
            throw new IllegalArgumentException("Results are counted per day or per hour");
        }
        String disp = dispOfReader();
        var series = new TreeMap<Instant, long[]>();
        Attribution attribution = readModel.attribution(campaignId, disp);
        add(series, readModel.attributionPerPeriod(campaignId, disp, per), DECLARATIONS, OPENED);
        add(series, readModel.blockedPerPeriod(campaignId, disp, per), BOUNCED, UNSUBSCRIBED);
        if (disp != null) {
            Delivery delivery = deliveryOfDisp(campaignId, disp, per, series);
            return new CampaignResult(campaignId, disp, delivery, null, attribution, per, periods(series));
        }
        Delivery delivery = delivery(campaignId, per, series);
        add(series, readModel.visitsPerPeriod(campaignId, per), VISITS, -1);
        return new CampaignResult(campaignId, null, delivery, readModel.visits(campaignId), attribution, per, periods(series));
    }

    /** Null for the whole campaign; the referent's DISP for a referent. */
    private @Nullable String dispOfReader() {
        SignedInUser user = currentUser.require();
        if (user.role() != Role.REFERENT) {
            return null;
        }
        if (user.dispCode() == null) {
            throw new AccessDeniedException("A referent without a DISP reads no results");
        }
        return user.dispCode();
    }

    /** The DISP's part of the delivery, counted from the campaign's outbox rows joined to their contacts' companies. */
    private Delivery deliveryOfDisp(long campaignId, String disp, ChronoUnit per, Map<Instant, long[]> series) {
        Map<String, Long> blocked = readModel.blockedByReason(campaignId, disp);
        Map<String, Long> status = readModel.deliveryOfDisp(campaignId, disp);
        add(series, readModel.deliveryOfDispPerPeriod(campaignId, disp, per), SENT, FAILED);
        return new Delivery(readModel.streamExists(campaignId), status.getOrDefault("SENT", 0L), status.getOrDefault("FAILED", 0L),
                status.getOrDefault("SKIPPED", 0L), status.getOrDefault("PENDING", 0L) + status.getOrDefault("SENDING", 0L),
                status.getOrDefault("CANCELLED", 0L), bounced(blocked), blocked.getOrDefault("UNSUBSCRIBED", 0L),
                blocked.getOrDefault("COMPLAINT", 0L));
    }

    private static long bounced(Map<String, Long> blockedByReason) {
        return blockedByReason.getOrDefault("HARD_BOUNCE", 0L) + blockedByReason.getOrDefault("SOFT_BOUNCES", 0L);
    }

    private Delivery delivery(long campaignId, ChronoUnit per, Map<Instant, long[]> series) {
        Map<String, Long> blocked = readModel.blockedByReason(campaignId, null);
        long bounced = bounced(blocked);
        long unsubscribed = blocked.getOrDefault("UNSUBSCRIBED", 0L);
        long complaints = blocked.getOrDefault("COMPLAINT", 0L);
        // Asked only of a stream that exists: MailStreams refuses an unknown one, which would spoil this transaction.
        if (!readModel.streamExists(campaignId)) {
            return new Delivery(false, 0, 0, 0, 0, 0, bounced, unsubscribed, complaints);
        }
        StreamProgress progress = streams.progress(ResultsReadModel.stream(campaignId), ChronoUnit.HOURS);
        for (StreamProgress.Period hour : progress.series()) {
            Instant start = per == ChronoUnit.HOURS ? hour.start()
                    : hour.start().atZone(DisplayFormats.PARIS).toLocalDate().atStartOfDay(DisplayFormats.PARIS).toInstant();
            long[] counts = series.computeIfAbsent(start, s -> new long[MEASURES]);
            counts[SENT] += hour.sent();
            counts[FAILED] += hour.failed();
        }
        StreamProgress.Counts counts = progress.counts();
        return new Delivery(true, counts.sent(), counts.failed(), counts.skipped(), counts.pending() + counts.sending(),
                counts.cancelled(), bounced, unsubscribed, complaints);
    }

    private static void add(Map<Instant, long[]> series, List<PeriodCounts> rows, int first, int second) {
        for (PeriodCounts row : rows) {
            long[] counts = series.computeIfAbsent(row.period(), s -> new long[MEASURES]);
            counts[first] += row.first();
            if (second >= 0) {
                counts[second] += row.second();
            }
        }
    }

    private static List<Period> periods(TreeMap<Instant, long[]> series) {
        var periods = new ArrayList<Period>(series.size());
        series.forEach((start, c) -> periods.add(new Period(start, c[SENT], c[FAILED], c[BOUNCED], c[UNSUBSCRIBED], c[VISITS],
                c[DECLARATIONS], c[OPENED])));
        return periods;
    }
}

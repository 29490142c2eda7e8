package fr.passerelle.campaignresults;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a campaign produced, as far as the reader may see it.
 *
 * @param dispCode    null when the figures are the whole campaign's; a referent's DISP when they are only that DISP's
 *                    part: the messages to contacts of its companies, and the declarations, offers and hires placed in
 *                    it (then {@code visits} is null: an anonymous visit is tied to no DISP)
 * @param delivery    the campaign's messages and the addresses it got blocked (of the DISP's recipients for a DISP)
 * @param visits      sessions that landed on the portal through the campaign's links, or null for a DISP's reader
 * @param attribution declarations, offers opened and hires
 * @param per         the length of the series' periods: {@link ChronoUnit#DAYS} (Paris days) or {@link ChronoUnit#HOURS}
 * @param series      the periods in which something happened, oldest first
 */
public record CampaignResult(long campaignId, @Nullable String dispCode, Delivery delivery, @Nullable Long visits,
                             Attribution attribution, ChronoUnit per, List<Period> series) {

    public CampaignResult {
        series = List.copyOf(series);
    }

    /** Whether these are the whole campaign's figures (not a DISP's part). */
    public boolean wholeCampaign() {
        return dispCode == null;
    }

    /**
     * The campaign's messages by status (its stream {@code campaign:<id>}) and the addresses it got blocked for good.
     *
     * @param started      whether its stream exists (nothing was enqueued yet otherwise: every count is 0)
     * @param skipped      not sent because the address was blocked between choosing the recipients and sending
     * @param pending      waiting or being sent
     * @param bounced      addresses blocked by a hard bounce or by their third soft bounce
     * @param unsubscribed addresses whose owner unsubscribed through the campaign's message
     * @param complaints   addresses whose owner reported the message as spam
     */
    public record Delivery(boolean started, long sent, long failed, long skipped, long pending, long cancelled, long bounced,
                           long unsubscribed, long complaints) {
    }

    /**
     * @param declarations declarations registered (confirmed) from the campaign's links, each an offer
     * @param opened       those a referent validated: the offer was opened (it may be filled, closed or expired since)
     * @param hires        people hired through those offers (recorded by the cohorts; one person on one offer is one hire)
     */
    public record Attribution(long declarations, long opened, long hires) {
    }

    /** @param start the period's first instant (a Paris midnight, or a whole hour) */
    public record Period(Instant start, long sent, long failed, long bounced, long unsubscribed, long visits, long declarations,
                         long opened) {
    }
}

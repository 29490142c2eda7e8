package fr.passerelle.campaign;

import org.jspecify.annotations.Nullable;

/**
 * How far a campaign's sending is, from its outbox stream.
 *
 * @param fannedOut whether every recipient was written into the stream (until then {@code total} still grows)
 */
public record CampaignProgress(CampaignState state, boolean fannedOut, long pending, long sent, long failed, long skipped,
                               long cancelled, @Nullable String pauseReason) {

    static CampaignProgress none(CampaignState state, @Nullable String pauseReason) {
        return new CampaignProgress(state, false, 0, 0, 0, 0, 0, pauseReason);
    }

    public long total() {
        return pending + sent + failed + skipped + cancelled;
    }

    /** The share of messages dealt with (sent, failed, skipped or cancelled), from 0 to 1. */
    public double done() {
        long total = total();
        return total == 0 ? (state == CampaignState.SENT ? 1 : 0) : (double) (total - pending) / total;
    }
}

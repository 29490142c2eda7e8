package fr.passerelle.campaign;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as its page shows it, with the version an edit starts from. {@code subject} is the frozen snapshot's,
 * null until the campaign is scheduled or launched; {@code recipients} is how many the fan-out wrote, null until done.
 */
public record Campaign(long id, String name, @Nullable Long segmentId, @Nullable String segmentName, @Nullable Long templateId,
                       @Nullable String templateName, String senderName, String senderPostalAddress, @Nullable String replyTo,
                       @Nullable Integer perMinute, @Nullable Double maxErrorRate, CampaignState state,
                       @Nullable Instant scheduledAt, @Nullable String subject, @Nullable Instant launchedAt,
                       @Nullable Instant fannedOutAt, @Nullable Integer recipients, @Nullable Instant finishedAt,
                       @Nullable String pauseReason, String createdByName, Instant createdAt, long version) {

    /** The outbox stream its messages go through. */
    public String stream() {
        return CampaignService.stream(id);
    }

    public CampaignDraft draft() {
        return new CampaignDraft(name, segmentId, templateId, senderName, senderPostalAddress, replyTo, perMinute, maxErrorRate,
                scheduledAt);
    }
}

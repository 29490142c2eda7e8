package fr.passerelle.campaign;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A line of the campaign list. */
public record CampaignSummary(long id, String name, CampaignState state, @Nullable String segmentName,
                              @Nullable String templateName, @Nullable Instant scheduledAt, @Nullable Instant launchedAt,
                              @Nullable Instant finishedAt) {
}

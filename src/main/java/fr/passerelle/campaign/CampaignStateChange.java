package fr.passerelle.campaign;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One change of a campaign's state; {@code actorName} is null when the schedule or the delivery made it. */
public record CampaignStateChange(Instant at, @Nullable CampaignState from, CampaignState to, @Nullable String actorName,
                                  @Nullable String reason) {
}

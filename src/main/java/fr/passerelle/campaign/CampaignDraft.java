package fr.passerelle.campaign;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the campaign editor fills in.
 *
 * @param perMinute           messages a minute at most, or null for as fast as the global limit allows
 * @param maxErrorRate        the share of refused messages (0 < rate <= 1) past which sending pauses itself, or null for never
 * @param senderName          who the footer says the message comes from
 * @param senderPostalAddress where the sender is, for the footer; may be empty
 * @param replyTo             where answers go, or null for Passerelle's own address
 * @param scheduledAt         when to send it once scheduled, or null
 */
public record CampaignDraft(String name, @Nullable Long segmentId, @Nullable Long templateId, String senderName,
                            String senderPostalAddress, @Nullable String replyTo, @Nullable Integer perMinute,
                            @Nullable Double maxErrorRate, @Nullable Instant scheduledAt) {

    @SuppressWarnings("ConstantValue")
    public CampaignDraft {
        name = name == null ? "" : name;
        senderName = senderName == null ? "" : senderName;
        senderPostalAddress = senderPostalAddress == null ? "" : senderPostalAddress.strip();
        replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
    }
}

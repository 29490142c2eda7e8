package fr.passerelle.campaign;

import java.util.Set;

/**
 * Where a campaign stands: {@code DRAFT → SCHEDULED → SENDING ⇄ PAUSED → SENT}, or {@code CANCELLED} from any state but
 * {@code SENT}. A draft may also be launched at once ({@code DRAFT → SENDING}).
 */
public enum CampaignState {
    DRAFT, SCHEDULED, SENDING, PAUSED, SENT, CANCELLED;

    /** The states it may go to next. */
    public Set<CampaignState> next() {
        return switch (this) {
            case DRAFT -> Set.of(SCHEDULED, SENDING, CANCELLED);
            case SCHEDULED -> Set.of(SENDING, CANCELLED);
            case SENDING -> Set.of(PAUSED, SENT, CANCELLED);
            case PAUSED -> Set.of(SENDING, CANCELLED);
            case SENT, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(CampaignState state) {
        return next().contains(state);
    }

    /** Launched: its stream exists and its progress can be read. */
    public boolean launched() {
        return this == SENDING || this == PAUSED || this == SENT || this == CANCELLED;
    }

    public String translationKey() {
        return "campaignsend.state." + name();
    }
}

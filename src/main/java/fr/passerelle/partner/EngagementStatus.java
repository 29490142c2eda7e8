package fr.passerelle.partner;

public enum EngagementStatus {
    PLANNED, ACTIVE, ENDED, CANCELLED;

    public String translationKey() {
        return "partner.engagement.status." + name();
    }
}

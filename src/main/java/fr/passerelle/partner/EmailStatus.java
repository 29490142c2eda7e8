package fr.passerelle.partner;

/** Whether campaigns may write to a contact: an opt-out or a hard bounce blocks the address. */
public enum EmailStatus {
    ACTIVE, UNSUBSCRIBED, BOUNCED;

    public String translationKey() {
        return "partner.email-status." + name();
    }
}

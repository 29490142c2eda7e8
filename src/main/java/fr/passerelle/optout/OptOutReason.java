package fr.passerelle.optout;

import fr.passerelle.partner.EmailStatus;

/** Why an address is blocked for good. */
public enum OptOutReason {
    /** The person unsubscribed (the page, the one-click link of their mail program, or the mailto link). */
    UNSUBSCRIBED(EmailStatus.UNSUBSCRIBED),
    /** A permanent delivery failure (status 5.x.x): the address does not exist or refuses mail. */
    HARD_BOUNCE(EmailStatus.BOUNCED),
    /** The person reported a message as spam (an ARF feedback report). */
    COMPLAINT(EmailStatus.UNSUBSCRIBED),
    /** Three temporary delivery failures (status 4.x.x). */
    SOFT_BOUNCES(EmailStatus.BOUNCED);

    private final EmailStatus contactStatus;

    OptOutReason(EmailStatus contactStatus) {
        this.contactStatus = contactStatus;
    }

    /** The status the address's contacts take. */
    public EmailStatus contactStatus() {
        return contactStatus;
    }
}

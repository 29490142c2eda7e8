package fr.passerelle.offer;

/** Why a referent rejects a declaration; {@link #OTHER} needs a text. */
public enum RejectionReason {
    DUPLICATE, INCOMPLETE, NOT_ELIGIBLE, COMPANY_UNREACHABLE, OTHER;

    public String translationKey() {
        return "offer.rejection." + name();
    }
}

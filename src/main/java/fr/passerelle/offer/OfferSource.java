package fr.passerelle.offer;

/** How an offer reached Passerelle. */
public enum OfferSource {
    /** Declared by the company on the public portal. */
    PORTAL,
    /** Entered by a referent or an administrator. */
    REFERENT,
    IMPORT;

    public String translationKey() {
        return "offer.source." + name();
    }
}

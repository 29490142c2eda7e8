package fr.passerelle.offer;

/** What a company offers. Workshop and subcontracting offers happen inside target establishments; the others at a place in France. */
public enum OfferType {
    /** Jobs in a workshop the company runs inside an establishment. */
    WORKSHOP_JOBS,
    /** Work subcontracted to the prison labour service. */
    SUBCONTRACTING,
    POST_RELEASE_JOB,
    APPRENTICESHIP;

    /** Whether the offer's place is a set of target establishments (otherwise a commune and department). */
    public boolean inEstablishments() {
        return this == WORKSHOP_JOBS || this == SUBCONTRACTING;
    }

    public String translationKey() {
        return "offer.type." + name();
    }
}

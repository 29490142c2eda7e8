package fr.passerelle.partner;

/**
 * What kind of partner an organisation of the CRM is (decision record 015). Companies are identified by their
 * SIRET; the other kinds work with the network on training and return to work and may have no SIRET (a SPIP).
 */
public enum PartnerKind {
    COMPANY,
    /** A professional federation (public works, building, hospitality…). */
    FEDERATION,
    /** A training body or an apprentices' training centre (CFA). */
    TRAINING_BODY,
    /** Who pays for training, such as a regional council. */
    FUNDER,
    /** France Travail, missions locales. */
    EMPLOYMENT_SERVICE,
    /** Service pénitentiaire d’insertion et de probation. */
    SPIP,
    ASSOCIATION;

    /** Every kind but {@link #COMPANY}: what the navigation calls organisations. */
    public static final java.util.Set<PartnerKind> ORGANISATIONS = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.complementOf(java.util.EnumSet.of(COMPANY)));

    /** Whether a partner of this kind must have a SIRET. */
    public boolean requiresSiret() {
        return this == COMPANY;
    }

    public String translationKey() {
        return "partner.kind." + name();
    }
}

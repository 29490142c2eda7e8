package fr.passerelle.cohort;

/** The part a partner organisation plays in a cohort. */
public enum PartnerRole {
    /** A professional federation, e.g. the regional public-works federation. */
    FEDERATION,
    /** A training body or CFA that designs and delivers the training. */
    TRAINING_BODY,
    /** A funder, typically the regional council. */
    FUNDER,
    /** France Travail, a mission locale. */
    EMPLOYMENT_SERVICE,
    /** The SPIP that follows the participants' paths. */
    SPIP;

    public String translationKey() {
        return "cohort.partner-role." + name();
    }
}

package fr.passerelle.partner;

/** What a company does with the prison network. */
public enum EngagementType {
    /** Runs a production workshop inside an establishment (atelier en concession). */
    WORKSHOP,
    /** Subcontracts work to the prison labour service (SEP). */
    SUBCONTRACTING,
    POST_RELEASE_HIRING,
    APPRENTICESHIP,
    /** Speaks, recruits or hosts a visit (intervention, job dating). */
    AWARENESS_EVENT;

    public String translationKey() {
        return "partner.engagement.type." + name();
    }
}

package fr.passerelle.offer;

/** The contract an offer's positions are held under. */
public enum ContractType {
    CDI, CDD, INTERIM, APPRENTICESHIP, PROFESSIONALISATION,
    /** Contrat d’insertion (structures of integration through economic activity). */
    INSERTION,
    /** Contrat d’emploi pénitentiaire: work inside prison. */
    PRISON_EMPLOYMENT;

    public String translationKey() {
        return "offer.contract." + name();
    }
}

package fr.passerelle.partner;

public enum CompanyLabel {
    /** The « Produit en prison » label. */
    PRODUIT_EN_PRISON,
    /** Entreprise inclusive. */
    INCLUSIVE_COMPANY,
    /** Entreprise adaptée (disability). */
    ADAPTED_COMPANY,
    /** Économie sociale et solidaire. */
    SOCIAL_ECONOMY;

    public String translationKey() {
        return "partner.label." + name();
    }
}

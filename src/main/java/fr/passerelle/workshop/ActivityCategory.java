package fr.passerelle.workshop;

/**
 * The kind of work a space suits, as the public catalogue is searched by it. The list follows the
 * workshops actually run in French establishments (assembly and packaging first, recycling of waste
 * electrical equipment being common enough to have its own entry).
 */
public enum ActivityCategory {
    /** Montage, assemblage, câblage. */
    ASSEMBLY,
    /** Conditionnement, façonnage, mise sous pli. */
    PACKAGING,
    /** Menuiserie, ébénisterie. */
    WOODWORK,
    /** Métallerie, soudure, usinage. */
    METALWORK,
    /** Couture, confection. */
    TEXTILE,
    /** Agroalimentaire, cuisine de production. */
    FOOD,
    /** Saisie, numérisation, centre d’appels, développement. */
    DIGITAL,
    /** Tri, démantèlement de DEEE, reconditionnement. */
    RECYCLING,
    /** Blanchisserie, maintenance, services aux entreprises. */
    SERVICES,
    OTHER;

    public String translationKey() {
        return "workshop.activity." + name();
    }
}

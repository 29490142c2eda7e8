package fr.passerelle.partner;

/**
 * A partner as other modules pick it (the cohorts' partner organisations): its name, kind and where it is. The
 * region and DISP are derived from its department, never typed.
 *
 * @param name the trade name with the legal name, or the legal name alone
 */
public record OrganisationOption(long id, String name, PartnerKind kind, String departmentCode, String dispCode,
                                 String regionCode, String regionName) {
}

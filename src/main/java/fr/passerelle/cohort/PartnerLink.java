package fr.passerelle.cohort;

/** A partner organisation (a company of the CRM, by id) in one role, as a cohort draft names it. */
public record PartnerLink(long companyId, PartnerRole role) {
}

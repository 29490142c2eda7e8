package fr.passerelle.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An offer waiting for validation, as the moderation queue shows it: the offer, the company and contact as declared
 * on the portal (or, for an offer that already has its CRM company, that company and its contact), and whether a CRM
 * company already has the declared SIRET.
 *
 * @param companyId        the offer's CRM company; null for a declaration not yet matched
 * @param companyName      the CRM company's legal name, or the declared one
 * @param siret            14 digits (declared, or the CRM company's)
 * @param establishments   the target establishments' names, comma separated (workshop and subcontracting offers)
 * @param declared         whether the company and contact come from a portal declaration
 * @param knownCompanyId   a CRM company with the declared SIRET, which validating will use instead of creating one
 * @param knownCompanyName that company's legal name
 */
public record PendingOffer(long offerId, Instant createdAt, String dispCode, String title, OfferType type, String romeCode,
                           String romeLabel, @Nullable String description, int positions, ContractType contractType,
                           @Nullable BigDecimal hoursPerWeek, @Nullable String commune, @Nullable String departmentCode,
                           @Nullable String establishments, LocalDate startDate, @Nullable LocalDate endDate,
                           OfferSource source, @Nullable Long companyId, String companyName, @Nullable String siret,
                           @Nullable String companyStreet, @Nullable String companyPostcode, @Nullable String companyCommune,
                           @Nullable String companyDepartmentCode, @Nullable String nafCode,
                           @Nullable String workforceBracketCode, @Nullable String contactFirstName,
                           @Nullable String contactLastName, @Nullable String contactJobTitle, @Nullable String contactEmail,
                           @Nullable String contactPhone, boolean declared, @Nullable Long knownCompanyId,
                           @Nullable String knownCompanyName) {

    /** "Jeanne Dupont", or empty when there is no contact. */
    public String contactName() {
        return ((contactFirstName == null ? "" : contactFirstName) + " " + (contactLastName == null ? "" : contactLastName)).strip();
    }

    PendingOffer withKnownCompany(@Nullable Long id, @Nullable String name) {
        return new PendingOffer(offerId, createdAt, dispCode, title, type, romeCode, romeLabel, description, positions, contractType,
                hoursPerWeek, commune, departmentCode, establishments, startDate, endDate, source, companyId, companyName, siret,
                companyStreet, companyPostcode, companyCommune, companyDepartmentCode, nafCode, workforceBracketCode,
                contactFirstName, contactLastName, contactJobTitle, contactEmail, contactPhone, declared, id, name);
    }
}

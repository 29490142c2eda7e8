package fr.passerelle.partner;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one company, with the names of what its codes mean.
 *
 * @param siret null for an organisation that has none (never for a {@link PartnerKind#COMPANY})
 * @param editable whether the signed-in person may change it (an administrator, or a referent of its DISP)
 */
public record CompanyDetails(long id, PartnerKind kind, @Nullable String siret, @Nullable String siren, String legalName, @Nullable String tradeName,
                             @Nullable String nafCode, @Nullable String nafLabel, @Nullable String sectionCode,
                             @Nullable String sectionLabel, @Nullable WorkforceBracket workforceBracket,
                             @Nullable String street, @Nullable String postcode, @Nullable String commune,
                             String departmentCode, String departmentName, String regionCode, String regionName,
                             String dispCode, @Nullable String website, Set<CompanyLabel> labels, CompanySource source,
                             PipelineStage stage, @Nullable String declinedReason, @Nullable Long ownerId,
                             @Nullable String ownerName, Instant createdAt, Instant updatedAt, long version, boolean editable) {

    public CompanyDraft toDraft() {
        return new CompanyDraft(siret == null ? "" : siret, legalName, tradeName, nafCode, workforceBracket, street, postcode,
                commune, departmentCode, website, labels, ownerId, kind);
    }

    public String displayName() {
        return tradeName == null || tradeName.isBlank() ? legalName : tradeName + " (" + legalName + ")";
    }
}

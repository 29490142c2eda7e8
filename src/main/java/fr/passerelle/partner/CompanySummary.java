package fr.passerelle.partner;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of the companies list; the SIRET is null for an organisation that has none. */
public record CompanySummary(long id, @Nullable String siret, PartnerKind kind, String legalName, @Nullable String tradeName, @Nullable String commune,
                             String departmentCode, String dispCode, @Nullable String nafCode, @Nullable String sectionCode,
                             PipelineStage stage, @Nullable Long ownerId, @Nullable String ownerName, Instant updatedAt) {

    public String displayName() {
        return tradeName == null || tradeName.isBlank() ? legalName : tradeName + " (" + legalName + ")";
    }
}

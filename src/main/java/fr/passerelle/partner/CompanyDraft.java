package fr.passerelle.partner;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a person types to create or change a company. The SIRET may contain spaces; the department
 * may be left empty when the postcode tells it.
 */
public record CompanyDraft(String siret, String legalName, @Nullable String tradeName, @Nullable String nafCode,
                           @Nullable WorkforceBracket workforceBracket, @Nullable String street, @Nullable String postcode,
                           @Nullable String commune, @Nullable String departmentCode, @Nullable String website,
                           Set<CompanyLabel> labels, @Nullable Long ownerId) {

    public CompanyDraft {
        labels = Set.copyOf(labels);
    }
}

package fr.passerelle.partner;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a person types to create or change a company or another organisation. The SIRET may contain spaces, and
 * may be empty for an organisation that is not a company; the department may be left empty when the postcode
 * tells it.
 */
public record CompanyDraft(String siret, String legalName, @Nullable String tradeName, @Nullable String nafCode,
                           @Nullable WorkforceBracket workforceBracket, @Nullable String street, @Nullable String postcode,
                           @Nullable String commune, @Nullable String departmentCode, @Nullable String website,
                           Set<CompanyLabel> labels, @Nullable Long ownerId, PartnerKind kind) {

    public CompanyDraft {
        labels = Set.copyOf(labels);
    }

    /** A company ({@link PartnerKind#COMPANY}). */
    public CompanyDraft(String siret, String legalName, @Nullable String tradeName, @Nullable String nafCode,
                        @Nullable WorkforceBracket workforceBracket, @Nullable String street, @Nullable String postcode,
                        @Nullable String commune, @Nullable String departmentCode, @Nullable String website,
                        Set<CompanyLabel> labels, @Nullable Long ownerId) {
        this(siret, legalName, tradeName, nafCode, workforceBracket, street, postcode, commune, departmentCode, website,
                labels, ownerId, PartnerKind.COMPANY);
    }

    public CompanyDraft withKind(PartnerKind newKind) {
        return new CompanyDraft(siret, legalName, tradeName, nafCode, workforceBracket, street, postcode, commune,
                departmentCode, website, labels, ownerId, newKind);
    }
}

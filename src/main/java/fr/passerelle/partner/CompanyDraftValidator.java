package fr.passerelle.partner;

import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.ReferenceService;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks and normalises a company as typed (SIRET with spaces, required for a company only, NAF without a dot, department from the
 * postcode, website without a scheme); the first problem is reported against its field. The NAF and website
 * normalisers are public: the CSV import checks its rows with the same rules.
 */
@Component
public class CompanyDraftValidator {

    private static final Pattern NAF_SEPARATORS = Pattern.compile("[\\s.]");
    private static final Pattern NAF_CODE = Pattern.compile("[0-9]{4}[A-Z]");
    private static final Pattern WITH_SCHEME = Pattern.compile("(?i)https?://.*");

    private final ReferenceService reference;

    CompanyDraftValidator(ReferenceService reference) {
        this.reference = reference;
    }

    /** The draft with its values normalised, and the department it belongs to. */
    record Checked(CompanyDraft draft, DepartmentSummary department) {
    }

    Checked check(CompanyDraft draft) {
        String siret = Siret.normalise(draft.siret());
        // An organisation that is not a company may have no SIRET (decision record 015); one that is given is checked.
        if (siret.isEmpty() && draft.kind().requiresSiret()) {
            throw new PartnerException("siret", "partner.error.siret-required");
        }
        if (!siret.isEmpty() && !Siret.FOURTEEN_DIGITS.matcher(siret).matches()) {
            throw new PartnerException("siret", "partner.error.siret-format");
        }
        if (!siret.isEmpty() && !Siret.isValid(siret)) {
            throw new PartnerException("siret", "partner.error.siret-checksum");
        }
        String legalName = draft.legalName().strip();
        if (legalName.isEmpty()) {
            throw new PartnerException("legalName", "partner.error.legal-name-required");
        }
        String naf = normaliseNaf(draft.nafCode());
        if (naf != null && reference.nafSubClass(naf).isEmpty()) {
            throw new PartnerException("nafCode", "partner.error.naf-unknown", naf);
        }
        String postcode = blankToNull(draft.postcode());
        if (postcode != null && !Postcodes.isValid(postcode)) {
            throw new PartnerException("postcode", "partner.error.postcode-format");
        }
        String departmentCode = blankToNull(draft.departmentCode());
        if (departmentCode == null && postcode != null) {
            departmentCode = Postcodes.department(postcode).orElse(null);
        }
        if (departmentCode == null) {
            throw new PartnerException("departmentCode", "partner.error.department-required");
        }
        String wanted = departmentCode.toUpperCase(Locale.ROOT);
        DepartmentSummary department = reference.departments().stream().filter(d -> d.code().equals(wanted)).findFirst()
                .orElseThrow(() -> new PartnerException("departmentCode", "partner.error.department-unknown", wanted));
        String website = normaliseWebsite(draft.website());
        var normalised = new CompanyDraft(siret, legalName, blankToNull(draft.tradeName()), naf, draft.workforceBracket(),
                blankToNull(draft.street()), postcode, blankToNull(draft.commune()), department.code(), website,
                draft.labels(), draft.ownerId(), draft.kind());
        return new Checked(normalised, department);
    }

    /** "4221z", "42.21 Z" and "42.21Z" are the same code. */
    public static @Nullable String normaliseNaf(@Nullable String input) {
        String value = blankToNull(input);
        if (value == null) {
            return null;
        }
        String compact = NAF_SEPARATORS.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
        if (!NAF_CODE.matcher(compact).matches()) {
            throw new PartnerException("nafCode", "partner.error.naf-format");
        }
        return compact.substring(0, 2) + "." + compact.substring(2);
    }

    public static @Nullable String normaliseWebsite(@Nullable String input) {
        String value = blankToNull(input);
        if (value == null) {
            return null;
        }
        String url = WITH_SCHEME.matcher(value).matches() ? value : "https://" + value;
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !uri.getHost().contains(".")) {
                throw new IllegalArgumentException(url);
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new PartnerException("website", "partner.error.website-format");
        }
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Optional<String> nonBlank(@Nullable String value) {
        return Optional.ofNullable(blankToNull(value));
    }
}

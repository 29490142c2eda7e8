package fr.passerelle.partner;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.partner.domain.Company;
import fr.passerelle.partner.domain.CompanyRepository;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change which company: an administrator any, a referent those of their DISP; communication
 * teams only read. Services call it, so the rule holds whatever calls them.
 */
@Component
public class PartnerScope {

    private final CurrentUser currentUser;
    private final CompanyRepository companies;

    PartnerScope(CurrentUser currentUser, CompanyRepository companies) {
        this.currentUser = currentUser;
        this.companies = companies;
    }

    /** The company, if it exists and the signed-in person may change it. */
    Company editableCompany(long companyId) {
        Company company = companies.findById(companyId)
                .orElseThrow(() -> new PartnerException(null, "partner.error.company-not-found"));
        requireEdit(company.getDispCode());
        return company;
    }

    public SignedInUser user() {
        return currentUser.require();
    }

    public boolean canEdit(@Nullable String companyDispCode) {
        return currentUser.find().map(user -> user.role() == Role.ADMIN
                || user.role() == Role.REFERENT && Objects.equals(user.dispCode(), companyDispCode)).orElse(false);
    }

    public void requireEdit(@Nullable String companyDispCode) {
        if (!canEdit(companyDispCode)) {
            throw new AccessDeniedException("Only an administrator or a referent of " + companyDispCode + " may change this company");
        }
    }
}

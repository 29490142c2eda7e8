package fr.passerelle.portal.internal;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.partner.CompanySelfService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.portal.CompanyAccount;
import fr.passerelle.portal.CompanyAccountService;
import fr.passerelle.portal.PortalException;
import fr.passerelle.portal.PortalInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The signed-in company user's space: their company and their own contact record, both found from their principal
 * (account id, company id), never from the address bar.
 */
@Service
@PreAuthorize("hasRole('COMPANY')")
public class CompanySpace {

    private final CurrentUser currentUser;
    private final CompanyAccountService accounts;
    private final CompanySelfService companies;

    CompanySpace(CurrentUser currentUser, CompanyAccountService accounts, CompanySelfService companies) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.companies = companies;
    }

    public Space current() {
        CompanyAccount account = account();
        return new Space(account.email(), companies.ownCompany(account.contactId()));
    }

    /**
     * @throws PortalException for a field that is too long
     * @throws fr.passerelle.partner.PartnerException for a missing name or a malformed phone (field and message key)
     */
    public ContactSummary updateContact(long expectedVersion, CompanySelfService.OwnContactDraft draft) {
        PortalInput.requireMaxLength("firstName", draft.firstName(), PortalInput.NAME_MAX_LENGTH);
        PortalInput.requireMaxLength("lastName", draft.lastName(), PortalInput.NAME_MAX_LENGTH);
        PortalInput.requireMaxLength("jobTitle", draft.jobTitle(), PortalInput.NAME_MAX_LENGTH);
        PortalInput.requireMaxLength("phone", draft.phone(), PortalInput.PHONE_MAX_LENGTH);
        Long contactId = account().contactId();
        if (contactId == null) {
            throw new PortalException(null, "portal.space.no-contact");
        }
        return companies.updateOwnContact(contactId, expectedVersion, draft);
    }

    private CompanyAccount account() {
        var user = currentUser.require();
        user.requireCompanyId();
        return accounts.find(user.id()).filter(a -> a.companyId() == user.companyId())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("No company account"));
    }

    /** What the space shows: the sign-in address and the company with the user's contact record. */
    public record Space(String email, CompanySelfService.OwnCompany company) {
    }
}

package fr.passerelle.partner;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.partner.domain.Company;
import fr.passerelle.partner.domain.CompanyRepository;
import fr.passerelle.partner.domain.Contact;
import fr.passerelle.partner.domain.ContactRepository;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a company's own contact person reads and changes on the public portal. The company is always the signed-in
 * company user's (from their principal, never from a parameter), and a contact of another company answers as if it
 * did not exist. Changes are audited like staff edits, under the contact's e-mail address.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('COMPANY')")
public class CompanySelfService {

    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final CurrentUser currentUser;

    CompanySelfService(CompanyRepository companies, ContactRepository contacts, CurrentUser currentUser) {
        this.companies = companies;
        this.contacts = contacts;
        this.currentUser = currentUser;
    }

    /** The signed-in user's company, with the contact of their account when it is one of its contacts. */
    public OwnCompany ownCompany(@Nullable Long contactId) {
        long companyId = currentUser.require().requireCompanyId();
        Company company = companies.findById(companyId)
                .orElseThrow(() -> new PartnerException(null, "partner.error.company-not-found"));
        ContactSummary contact = contactId == null ? null
                : contacts.findById(contactId).filter(c -> c.getCompanyId() == companyId).map(ContactService::summary).orElse(null);
        String name = company.getTradeName() == null || company.getTradeName().isBlank() ? company.getLegalName() : company.getTradeName();
        return new OwnCompany(companyId, name, company.getLegalName(), contact);
    }

    /**
     * The legal name of the company with this SIRET in the CRM, for the public declaration form to prefill: only the
     * name, nothing else about the company. Callable by anyone, signed in or not.
     */
    @PreAuthorize("permitAll()")
    public Optional<String> legalNameOf(Siret siret) {
        return companies.findBySiret(siret.value()).map(Company::getLegalName);
    }

    /** Changes the contact's name, job title and phone; their e-mail address (their sign-in) and the rest stay. */
    @Transactional
    public ContactSummary updateOwnContact(long contactId, long expectedVersion, OwnContactDraft draft) {
        long companyId = currentUser.require().requireCompanyId();
        Contact contact = contacts.findById(contactId).filter(c -> c.getCompanyId() == companyId)
                .orElseThrow(() -> new PartnerException(null, "partner.error.contact-not-found"));
        if (contact.getVersion() != expectedVersion) {
            throw new PartnerException(null, "partner.error.changed-meanwhile");
        }
        String lastName = draft.lastName().strip();
        if (lastName.isEmpty()) {
            throw new PartnerException("lastName", "partner.error.last-name-required");
        }
        String phone = CompanyDraftValidator.blankToNull(draft.phone());
        if (phone != null) {
            phone = PhoneNumbers.normalise(phone).orElseThrow(() -> new PartnerException("phone", "partner.error.phone-format"));
        }
        contact.setFirstName(CompanyDraftValidator.blankToNull(draft.firstName()));
        contact.setLastName(lastName);
        contact.setJobTitle(CompanyDraftValidator.blankToNull(draft.jobTitle()));
        contact.setPhone(phone);
        return ContactService.summary(contacts.saveAndFlush(contact));
    }

    /** A company as its own contact sees it: {@code name} is the trade name when it has one. */
    public record OwnCompany(long companyId, String name, String legalName, @Nullable ContactSummary contact) {
    }

    /** What a company's contact may change about themselves. */
    public record OwnContactDraft(@Nullable String firstName, String lastName, @Nullable String jobTitle, @Nullable String phone) {
    }
}

package fr.passerelle.partner;

import fr.passerelle.partner.domain.Company;
import fr.passerelle.partner.domain.CompanyRepository;
import fr.passerelle.partner.domain.Contact;
import fr.passerelle.partner.domain.ContactRepository;
import fr.passerelle.partner.domain.InteractionRepository;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contact persons of companies. Communication teams read them; editing follows the company's scope. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class ContactService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final InteractionRepository interactions;
    private final PartnerScope scope;

    ContactService(ContactRepository contacts, CompanyRepository companies, InteractionRepository interactions, PartnerScope scope) {
        this.contacts = contacts;
        this.companies = companies;
        this.interactions = interactions;
        this.scope = scope;
    }

    public List<ContactSummary> ofCompany(long companyId) {
        return contacts.findByCompanyIdOrderByPrimaryDescLastNameAsc(companyId).stream().map(ContactService::summary).toList();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public ContactSummary add(long companyId, ContactDraft draft) {
        Company company = editableCompany(companyId);
        var contact = new Contact(company.getId());
        apply(contact, draft);
        if (draft.primary() || contacts.countByCompanyId(companyId) == 0) {
            makeOnlyPrimary(companyId, contact);
        }
        return summary(contacts.saveAndFlush(contact));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public ContactSummary update(long contactId, long expectedVersion, ContactDraft draft) {
        Contact contact = contacts.findById(contactId).orElseThrow(() -> new PartnerException(null, "partner.error.contact-not-found"));
        editableCompany(contact.getCompanyId());
        if (contact.getVersion() != expectedVersion) {
            throw new PartnerException(null, "partner.error.changed-meanwhile");
        }
        EmailStatus before = contact.getEmailStatus();
        String emailBefore = contact.getEmail();
        apply(contact, draft);
        // An opt-out is permanent for that address (CNIL): only a new address starts afresh.
        if (before == EmailStatus.UNSUBSCRIBED && java.util.Objects.equals(emailBefore, contact.getEmail())) {
            contact.setEmailStatus(EmailStatus.UNSUBSCRIBED);
        }
        if (draft.primary()) {
            makeOnlyPrimary(contact.getCompanyId(), contact);
        }
        return summary(contacts.saveAndFlush(contact));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'REFERENT')")
    public void delete(long contactId) {
        Contact contact = contacts.findById(contactId).orElseThrow(() -> new PartnerException(null, "partner.error.contact-not-found"));
        editableCompany(contact.getCompanyId());
        // The interactions logged with the contact stay in the timeline (the audit keeps who it was).
        interactions.unlinkContact(contactId);
        contacts.delete(contact);
    }

    private void makeOnlyPrimary(long companyId, Contact primary) {
        for (Contact other : contacts.findByCompanyIdOrderByPrimaryDescLastNameAsc(companyId)) {
            if (other != primary && other.isPrimary()) {
                other.setPrimary(false);
                contacts.saveAndFlush(other);
            }
        }
        primary.setPrimary(true);
    }

    private Company editableCompany(long companyId) {
        return scope.editableCompany(companyId);
    }

    private static void apply(Contact contact, ContactDraft draft) {
        String lastName = draft.lastName().strip();
        if (lastName.isEmpty()) {
            throw new PartnerException("lastName", "partner.error.last-name-required");
        }
        String email = CompanyDraftValidator.blankToNull(draft.email());
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                throw new PartnerException("email", "partner.error.email-format");
            }
        }
        String phone = CompanyDraftValidator.blankToNull(draft.phone());
        if (phone != null) {
            phone = PhoneNumbers.normalise(phone).orElseThrow(() -> new PartnerException("phone", "partner.error.phone-format"));
        }
        contact.setFirstName(CompanyDraftValidator.blankToNull(draft.firstName()));
        contact.setLastName(lastName);
        contact.setJobTitle(CompanyDraftValidator.blankToNull(draft.jobTitle()));
        contact.setEmail(email);
        contact.setPhone(phone);
        contact.setEmailStatus(draft.emailStatus());
    }

    static ContactSummary summary(Contact c) {
        return new ContactSummary(c.getId(), c.getCompanyId(), c.getFirstName(), c.getLastName(), c.getJobTitle(), c.getEmail(),
                c.getPhone(), c.isPrimary(), c.getEmailStatus(), c.getVersion());
    }
}

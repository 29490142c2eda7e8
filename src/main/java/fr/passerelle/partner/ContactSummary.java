package fr.passerelle.partner;

import org.jspecify.annotations.Nullable;

/** A contact person of a company; the phone is in E.164 ({@link PhoneNumbers#display} shows it the French way). */
public record ContactSummary(long id, long companyId, @Nullable String firstName, String lastName, @Nullable String jobTitle,
                             @Nullable String email, @Nullable String phone, boolean primary, EmailStatus emailStatus, long version) {

    public String fullName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }

    public ContactDraft toDraft() {
        return new ContactDraft(firstName, lastName, jobTitle, email, phone == null ? null : PhoneNumbers.display(phone), primary, emailStatus);
    }
}

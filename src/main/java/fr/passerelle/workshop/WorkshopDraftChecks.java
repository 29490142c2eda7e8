package fr.passerelle.workshop;

import fr.passerelle.partner.PhoneNumbers;
import fr.passerelle.partner.Siret;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules a space or a request must follow before it is written, the same as the database's
 * constraints (V13) but reported against the draft's field, first problem first; values come back
 * normalised (trimmed, blanks as null, SIRET without spaces, phone in E.164).
 */
final class WorkshopDraftChecks {

    static final int MAX_LABEL = 120;
    static final int MAX_AREA = 100_000;
    static final int MAX_CURRENT_ACTIVITY = 200;
    static final int MAX_NOTES = 1000;
    /** The database's rule (V3, V13): something, an @, something, a dot, something; no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private WorkshopDraftChecks() {
    }

    /** A space draft with its texts trimmed and its date dropped unless the availability needs it. */
    static WorkshopSpaceDraft space(WorkshopSpaceDraft draft, LocalDate today) {
        if (draft.establishmentId() == null) {
            throw new WorkshopException("establishmentId", "workshop.error.establishment-required");
        }
        String label = required("label", draft.label(), MAX_LABEL, "workshop.error.label-required", "workshop.error.label-too-long");
        Integer area = draft.areaM2();
        if (area == null) {
            throw new WorkshopException("areaM2", "workshop.error.area-required");
        }
        if (area <= 0 || area > MAX_AREA) {
            throw new WorkshopException("areaM2", "workshop.error.area-range", MAX_AREA);
        }
        Integer storage = draft.storageM2();
        if (storage != null && (storage < 0 || storage > MAX_AREA)) {
            throw new WorkshopException("storageM2", "workshop.error.storage-range", MAX_AREA);
        }
        String activity = optional("currentActivity", draft.currentActivity(), MAX_CURRENT_ACTIVITY, "workshop.error.current-activity-too-long");
        if (draft.activityCategory() == null) {
            throw new WorkshopException("activityCategory", "workshop.error.category-required");
        }
        Availability availability = draft.availability();
        if (availability == null) {
            throw new WorkshopException("availability", "workshop.error.availability-required");
        }
        LocalDate from = null;
        if (availability == Availability.AVAILABLE_FROM) {
            from = draft.availableFrom();
            if (from == null) {
                throw new WorkshopException("availableFrom", "workshop.error.available-from-required");
            }
            if (from.isBefore(today)) {
                throw new WorkshopException("availableFrom", "workshop.error.available-from-past");
            }
        }
        String notes = optional("notes", draft.notes(), MAX_NOTES, "workshop.error.notes-too-long");
        return new WorkshopSpaceDraft(draft.establishmentId(), label, area, storage, draft.loadingDock(), activity,
                draft.activityCategory(), availability, from, draft.referentId(), notes, draft.publicListing());
    }

    /** A request with its texts trimmed, its SIRET without spaces and its phone in E.164. */
    static InterestDraft interest(InterestDraft draft) {
        String company = required("companyName", draft.companyName(), InterestDraft.MAX_COMPANY_NAME,
                "workshop.error.company-name-required", "workshop.error.company-name-too-long");
        String siret = null;
        String typedSiret = blankToNull(draft.siret());
        if (typedSiret != null) {
            if (typedSiret.length() > 30 || !Siret.isValid(Siret.normalise(typedSiret))) {
                throw new WorkshopException("siret", "workshop.error.siret-invalid");
            }
            siret = Siret.normalise(typedSiret);
        }
        String contact = required("contactName", draft.contactName(), InterestDraft.MAX_CONTACT_NAME,
                "workshop.error.contact-name-required", "workshop.error.contact-name-too-long");
        String email = required("email", draft.email(), InterestDraft.MAX_EMAIL, "workshop.error.email-required",
                "workshop.error.email-too-long");
        if (!EMAIL.matcher(email).matches()) {
            throw new WorkshopException("email", "workshop.error.email-format");
        }
        String phone = null;
        String typedPhone = blankToNull(draft.phone());
        if (typedPhone != null) {
            if (typedPhone.length() > InterestDraft.MAX_PHONE) {
                throw new WorkshopException("phone", "workshop.error.phone-format");
            }
            phone = PhoneNumbers.normalise(typedPhone)
                    .orElseThrow(() -> new WorkshopException("phone", "workshop.error.phone-format"));
        }
        String message = optional("message", draft.message(), InterestDraft.MAX_MESSAGE, "workshop.error.message-too-long");
        return new InterestDraft(draft.spaceId(), company, siret, contact, email, phone, message);
    }

    private static String required(String field, @Nullable String value, int max, String missingKey, String tooLongKey) {
        String text = blankToNull(value);
        if (text == null) {
            throw new WorkshopException(field, missingKey);
        }
        if (text.length() > max) {
            throw new WorkshopException(field, tooLongKey, max);
        }
        return text;
    }

    private static @Nullable String optional(String field, @Nullable String value, int max, String tooLongKey) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            throw new WorkshopException(field, tooLongKey, max);
        }
        return text;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

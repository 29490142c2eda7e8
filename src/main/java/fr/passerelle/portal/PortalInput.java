package fr.passerelle.portal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks every public form applies to what a visitor types: lengths and e-mail addresses. */
public final class PortalInput {

    /** RFC 5321's limit for a whole address. */
    public static final int EMAIL_MAX_LENGTH = 254;
    /** Names, job titles, company names. */
    public static final int NAME_MAX_LENGTH = 100;
    /** Phone numbers as typed (spaces, dots, +33). */
    public static final int PHONE_MAX_LENGTH = 30;
    /** Free text (a description, a message). */
    public static final int TEXT_MAX_LENGTH = 4000;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private PortalInput() {
    }

    /** The address lower-cased and stripped. */
    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the (normalised) address is one we could send a mail to. */
    public static boolean isEmail(@Nullable String email) {
        return email != null && email.length() <= EMAIL_MAX_LENGTH && EMAIL.matcher(email).matches();
    }

    /**
     * The address, normalised.
     *
     * @throws PortalException on field {@code email}: missing, too long or not an address
     */
    public static String requireEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            throw new PortalException("email", "portal.error.email-required");
        }
        String normalised = normaliseEmail(email);
        if (normalised.length() > EMAIL_MAX_LENGTH) {
            throw new PortalException("email", "portal.error.too-long");
        }
        if (!isEmail(normalised)) {
            throw new PortalException("email", "portal.error.email-format");
        }
        return normalised;
    }

    /**
     * Refuses a value longer than the limit (the fields cap what can be typed; this holds for any caller).
     *
     * @throws PortalException on that field, {@code portal.error.too-long}
     */
    public static void requireMaxLength(String field, @Nullable String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new PortalException(field, "portal.error.too-long");
        }
    }
}

package fr.passerelle.cohort.internal;

import fr.passerelle.cohort.CohortException;
import org.jspecify.annotations.Nullable;

/** Free texts as the module stores them: trimmed, blank as null, refused when longer than their column allows. */
public final class Texts {

    private Texts() {
    }

    public static @Nullable String optional(@Nullable String text, int max, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new CohortException(field, "cohort.error.too-long", max);
        }
        return stripped;
    }

    public static String required(@Nullable String text, int max, String field) {
        String value = optional(text, max, field);
        if (value == null) {
            throw new CohortException(field, "cohort.error.required");
        }
        return value;
    }

    public static void range(@Nullable Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            throw new CohortException(field, "cohort.error.range", min, max);
        }
    }

    /** Whether a refused write broke the named constraint (for a message next to its field). */
    public static boolean violates(RuntimeException e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}

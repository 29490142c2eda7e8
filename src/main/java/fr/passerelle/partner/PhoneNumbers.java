package fr.passerelle.partner;

import java.util.Optional;

/** French phone numbers as people write them, stored in E.164 ("+33612345678"). */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678", "+33 (0)6 12 34 56 78"
     * and overseas "0590 12 34 56" all normalise; anything else is empty.
     */
    public static Optional<String> normalise(String input) {
        String compact = input.replaceAll("[\\s.\\-/\\u00a0]", "").replace("(0)", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (compact.matches("0[1-9][0-9]{8}")) {
            return Optional.of("+33" + compact.substring(1));
        }
        if (compact.matches("\\+33[1-9][0-9]{8}")) {
            return Optional.of(compact);
        }
        // Other countries (frontier workers, overseas partners): E.164 as given.
        if (compact.matches("\\+[1-9][0-9]{7,14}") && !compact.startsWith("+33")) {
            return Optional.of(compact);
        }
        return Optional.empty();
    }

    /** "+33612345678" → "06 12 34 56 78"; other countries unchanged. */
    public static String display(String e164) {
        if (e164.matches("\\+33[1-9][0-9]{8}")) {
            String national = "0" + e164.substring(3);
            return national.replaceAll("(\\d{2})(?=\\d)", "$1 ");
        }
        return e164;
    }
}

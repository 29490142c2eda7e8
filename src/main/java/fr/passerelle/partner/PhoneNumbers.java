package fr.passerelle.partner;

import java.util.Optional;
import java.util.regex.Pattern;

/** French phone numbers as people write them, stored in E.164 ("+33612345678"). */
public final class PhoneNumbers {

    /** Compiled once: an import normalises a phone number per row. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/\\u00a0]");
    private static final Pattern NATIONAL = Pattern.compile("0[1-9][0-9]{8}");
    private static final Pattern FRENCH_E164 = Pattern.compile("\\+33[1-9][0-9]{8}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern PAIRS = Pattern.compile("(\\d{2})(?=\\d)");

    private PhoneNumbers() {
    }

    /**
     * "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678", "+33 (0)6 12 34 56 78"
     * and overseas "0590 12 34 56" all normalise; anything else is empty.
     */
    public static Optional<String> normalise(String input) {
        String compact = SEPARATORS.matcher(input).replaceAll("").replace("(0)", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (NATIONAL.matcher(compact).matches()) {
            return Optional.of("+33" + compact.substring(1));
        }
        if (FRENCH_E164.matcher(compact).matches()) {
            return Optional.of(compact);
        }
        // Other countries (frontier workers, overseas partners): E.164 as given.
        if (E164.matcher(compact).matches() && !compact.startsWith("+33")) {
            return Optional.of(compact);
        }
        return Optional.empty();
    }

    /** "+33612345678" → "06 12 34 56 78"; other countries unchanged. */
    public static String display(String e164) {
        if (FRENCH_E164.matcher(e164).matches()) {
            String national = "0" + e164.substring(3);
            return PAIRS.matcher(national).replaceAll("$1 ");
        }
        return e164;
    }
}

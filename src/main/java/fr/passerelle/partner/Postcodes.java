package fr.passerelle.partner;

import java.util.Optional;
import java.util.regex.Pattern;

/** The department of a French postcode, as far as the postcode tells it. */
public final class Postcodes {

    private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");

    private Postcodes() {
    }

    public static boolean isValid(String postcode) {
        return FIVE_DIGITS.matcher(postcode).matches();
    }

    /**
     * "21000" → 21, "20090" → 2A (Corse-du-Sud below 20200), "20200" → 2B, "97300" → 973. Monaco
     * (980xx) and the overseas collectivities (975xx, 986xx–988xx) have no department: empty.
     */
    public static Optional<String> department(String postcode) {
        if (!isValid(postcode) || postcode.startsWith("00")) {
            return Optional.empty();
        }
        if (postcode.startsWith("20")) {
            return Optional.of(Integer.parseInt(postcode) < 20200 ? "2A" : "2B");
        }
        if (postcode.startsWith("97")) {
            String department = postcode.substring(0, 3);
            return department.equals("975") || department.equals("977") || department.equals("978")
                    ? Optional.empty() : Optional.of(department);
        }
        if (postcode.startsWith("98")) {
            return Optional.empty();
        }
        return Optional.of(postcode.substring(0, 2));
    }
}

package fr.passerelle.partner;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SIRET: SIREN (9 digits) + NIC (5 digits), each with a Luhn check digit; La Poste's establishments
 * (SIREN 356000000) are valid when the sum of the 14 digits is a multiple of 5. The database checks the
 * same rule ({@code siret_is_valid}).
 */
public record Siret(String value) {

    static final String LA_POSTE_SIREN = "356000000";
    /** Compiled once: an import checks a SIRET per row. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-\\u00a0\\u202f]");
    static final Pattern FOURTEEN_DIGITS = Pattern.compile("[0-9]{14}");

    public Siret {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Invalid SIRET: " + value);
        }
    }

    /** Accepts spaces, dots and dashes as people type them ("130 005 481 21800"). */
    public static Optional<Siret> parse(String input) {
        String digits = normalise(input);
        return isValid(digits) ? Optional.of(new Siret(digits)) : Optional.empty();
    }

    public static String normalise(String input) {
        return SEPARATORS.matcher(input).replaceAll("");
    }

    public String siren() {
        return value.substring(0, 9);
    }

    public static boolean isValid(String siret) {
        if (!FOURTEEN_DIGITS.matcher(siret).matches()) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN)) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(siret.substring(0, 9)) && luhn(siret);
    }

    /** Digits at even positions from the right are doubled (9 taken off above 9); the sum is a multiple of 10. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** How a person reads it: "130 005 481 21800". */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6, 9) + " " + value.substring(9);
    }

    @Override
    public String toString() {
        return value;
    }
}

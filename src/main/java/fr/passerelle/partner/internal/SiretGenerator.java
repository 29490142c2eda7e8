package fr.passerelle.partner.internal;

/**
 * Builds valid SIRETs from numbers: the SIREN is 8 digits and their Luhn check digit, the NIC 4 digits
 * and the check digit that makes the 14 digits pass Luhn. Fast enough for a million rows.
 */
public final class SiretGenerator {

    private SiretGenerator() {
    }

    /**
     * @param sirenBody the first 8 digits of the SIREN (0 to 99,999,999), not La Poste's 35600000
     * @param nicBody   the first 4 digits of the NIC (0 to 9,999); head offices are usually 1
     */
    public static String siret(int sirenBody, int nicBody) {
        if (sirenBody < 0 || sirenBody > 99_999_999 || nicBody < 0 || nicBody > 9_999) {
            throw new IllegalArgumentException("SIREN body " + sirenBody + " or NIC body " + nicBody + " out of range");
        }
        if (sirenBody == 35_600_000) {
            // La Poste's SIREN follows another rule.
            throw new IllegalArgumentException("35600000 is La Poste's SIREN");
        }
        char[] digits = new char[14];
        write(digits, 0, sirenBody, 8);
        digits[8] = checkDigit(digits, 0, 8);
        write(digits, 9, nicBody, 4);
        digits[13] = checkDigit(digits, 0, 13);
        return new String(digits);
    }

    private static void write(char[] digits, int from, int value, int length) {
        for (int i = from + length - 1; i >= from; i--) {
            digits[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The digit that, appended to {@code digits[from, from + length)}, makes a number that passes Luhn. */
    static char checkDigit(char[] digits, int from, int length) {
        int sum = 0;
        boolean doubled = true;
        for (int i = from + length - 1; i >= from; i--) {
            int digit = digits[i] - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}

package fr.passerelle.partner;

import java.util.Random;

/** Valid SIRETs for tests: a Luhn-valid SIREN, then a NIC making the whole number Luhn-valid. */
public final class SiretGenerator {

    private SiretGenerator() {
    }

    public static String random(Random random) {
        String siren;
        do {
            siren = withCheckDigit(String.format("%08d", random.nextInt(100_000_000)));
        } while (siren.startsWith(Siret.LA_POSTE_SIREN));
        return withCheckDigit(siren + String.format("%04d", random.nextInt(10_000)));
    }

    /** Another establishment (NIC) of the same company. */
    public static String sameSiren(String siret, Random random) {
        String other;
        do {
            other = withCheckDigit(siret.substring(0, 9) + String.format("%04d", random.nextInt(10_000)));
        } while (other.equals(siret));
        return other;
    }

    static String withCheckDigit(String digits) {
        return LuhnSirets.withCheckDigit(digits);
    }
}

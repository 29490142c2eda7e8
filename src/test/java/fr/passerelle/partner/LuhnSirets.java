package fr.passerelle.partner;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid SIRETs for tests (Luhn on the SIREN and on the whole SIRET), never twice in one JVM. */
public final class LuhnSirets {

    private static final Set<String> GIVEN = ConcurrentHashMap.newKeySet();

    private LuhnSirets() {
    }

    public static String next() {
        while (true) {
            var random = ThreadLocalRandom.current();
            String siren = withCheckDigit(String.format("%08d", random.nextInt(10_000_000, 100_000_000)));
            String siret = withCheckDigit(siren + String.format("%04d", random.nextInt(10_000)));
            if (!siren.startsWith(Siret.LA_POSTE_SIREN) && Siret.isValid(siret) && GIVEN.add(siret)) {
                return siret;
            }
        }
    }

    /** The digits followed by the one check digit that makes them pass the Luhn test. */
    public static String withCheckDigit(String digits) {
        for (int check = 0; check <= 9; check++) {
            if (Siret.luhn(digits + check)) {
                return digits + check;
            }
        }
        throw new IllegalStateException("No Luhn digit for " + digits);
    }

    /** A company draft with only what is required, in the given department. */
    public static CompanyDraft company(String legalName, String departmentCode) {
        return new CompanyDraft(next(), legalName, null, null, null, null, null, null, departmentCode, null, Set.of(), null);
    }
}

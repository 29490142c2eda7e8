package fr.passerelle.partner.ui;

import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.LuhnSirets;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Companies for the partner UI tests, created through the service with fresh valid SIRETs and names found by search. */
final class PartnerUiFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PartnerUiFixtures() {
    }

    /** A word no demo company contains, so that a search finds only the test's own companies. */
    static String uniqueWord() {
        return "Zq" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + SEQUENCE.incrementAndGet();
    }

    /** Creates a company as the signed-in user (a referent becomes its owner). */
    static CompanyDetails company(CompanyService companies, String legalName, String departmentCode, @Nullable Long ownerId) {
        var draft = new CompanyDraft(siret(), legalName, null, null, null, null, null, "Commune " + departmentCode,
                departmentCode, null, Set.of(), ownerId);
        return companies.create(draft, CompanySource.MANUAL);
    }

    /** A random SIRET whose SIREN and whole number both pass the Luhn check. */
    static String siret() {
        var random = ThreadLocalRandom.current();
        String siren = withLuhnDigit(String.format("%08d", random.nextInt(100_000_000)));
        if (siren.startsWith("356000000")) {
            return siret();
        }
        return withLuhnDigit(siren + String.format("%04d", random.nextInt(10_000)));
    }

    private static String withLuhnDigit(String digits) {
        return LuhnSirets.withCheckDigit(digits);
    }

}

package fr.passerelle.portal;

import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySource;
import fr.passerelle.partner.ContactDraft;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.SiretGenerator;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Companies, contacts and company accounts for the portal tests, made through the modules' services as an administrator. */
public final class PortalFixtures {

    private static final Random RANDOM = new Random();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PortalFixtures() {
    }

    /** An address no other test uses. */
    public static String uniqueEmail() {
        return "contact." + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet() + "@entreprise-test.fr";
    }

    /** A company in Côte-d'Or (DISP DIJON) with one contact, and that contact's portal account. */
    public static Created companyWithAccount(CompanyService companies, ContactService contacts, CompanyAccountService accounts,
                                             String legalName, String email) {
        return asAdmin(() -> {
            CompanyDetails company = companies.create(new CompanyDraft(SiretGenerator.random(RANDOM), legalName, null, null, null, null,
                    null, "Dijon", "21", null, Set.of(), null), CompanySource.PORTAL);
            ContactSummary contact = contacts.add(company.id(), new ContactDraft("Camille", "Martin", "Responsable RH", email,
                    "03 80 12 34 56", true, EmailStatus.ACTIVE));
            CompanyAccount account = accounts.ensureAccount(company.id(), contact.id(), email);
            return new Created(company, contact, account);
        });
    }

    static <T> T asAdmin(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public record Created(CompanyDetails company, ContactSummary contact, CompanyAccount account) {
    }
}

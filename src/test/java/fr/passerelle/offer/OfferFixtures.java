package fr.passerelle.offer;

import fr.passerelle.partner.LuhnSirets;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Companies, contacts and offer drafts for the offer tests, written straight into the database. */
public final class OfferFixtures {

    private final JdbcClient jdbc;
    private final UserDetailsService users;

    public OfferFixtures(JdbcClient jdbc, UserDetailsService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A company of that department (its DISP follows), with a fresh SIRET. */
    public long company(String legalName, String departmentCode) {
        return jdbc.sql("insert into company (siret, legal_name, department_code) values (:siret, :name, :department) returning id")
                .param("siret", LuhnSirets.next()).param("name", legalName).param("department", departmentCode)
                .query(Long.class).single();
    }

    public long contact(long companyId, String lastName) {
        return jdbc.sql("insert into contact (company_id, first_name, last_name) values (:company, 'Camille', :name) returning id")
                .param("company", companyId).param("name", lastName).query(Long.class).single();
    }

    /** An active establishment of that DISP. */
    public long establishment(String dispCode, int index) {
        return jdbc.sql("select id from establishment where disp_code = :disp and active order by id offset :index limit 1")
                .param("disp", dispCode).param("index", index).query(Long.class).single();
    }

    /** A job at release for a welder in that department, from today for six months. */
    public static OfferDraft job(long companyId, String title, String departmentCode, @Nullable Long contactId) {
        LocalDate today = LocalDate.now();
        return new OfferDraft(companyId, OfferType.POST_RELEASE_JOB, "H2913", title, "Soudure TIG et MIG.", 2, ContractType.CDI,
                java.math.BigDecimal.valueOf(35), "Dijon", departmentCode, Set.of(), today, today.plusMonths(6), contactId);
    }

    /** Workshop jobs inside those establishments. */
    public static OfferDraft workshop(long companyId, String title, Set<Long> establishments) {
        LocalDate today = LocalDate.now();
        return new OfferDraft(companyId, OfferType.WORKSHOP_JOBS, "N1103", title, null, 8, ContractType.PRISON_EMPLOYMENT, null,
                null, null, establishments, today, null, null);
    }

    /** A declaration from the portal: a welder's job at release in that department, by a company with a fresh SIRET. */
    public static Declaration declaration(String legalName, String departmentCode, String email) {
        var company = new Declaration.DeclaredCompany(LuhnSirets.next(), legalName, "3 rue des Forges", null, "Dijon",
                departmentCode, "25.11Z", "12");
        var contact = new Declaration.DeclaredContact("Jeanne", "Dupont", "Gérante", email, "06 12 34 56 78");
        return new Declaration(company, contact, job(0, "Soudeur TIG", departmentCode, null), java.time.Instant.now(), "2026-12", null);
    }

    /** Runs as that account (the demo accounts: admin, referent, communication), then puts the previous one back. */
    public <T> T as(String username, java.util.function.Supplier<T> action) {
        var saved = SecurityContextHolder.getContext();
        try {
            signIn(username);
            return action.get();
        } finally {
            SecurityContextHolder.setContext(saved);
        }
    }

    public void signIn(String username) {
        var user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}

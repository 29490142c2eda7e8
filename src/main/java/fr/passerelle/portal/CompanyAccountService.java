package fr.passerelle.portal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Company accounts for the portal's sign-in by e-mailed link. Accounts are created by the modules that learn of a
 * company's contact (a declaration confirmed, an offer validated); the portal only signs them in.
 *
 * <p>Not {@code @PreAuthorize}d: anonymous flows (a declaration confirmed from its e-mail) and referents' actions both
 * create accounts; the calling module decides who may trigger it, as with {@code MailService}. Nothing here lists or
 * reveals accounts to a visitor.
 */
@Service
@Transactional(readOnly = true)
public class CompanyAccountService {

    private final JdbcClient jdbc;

    CompanyAccountService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account of this e-mail address for the company, created (enabled) when there is none. An existing account of
     * the same company keeps its state (a disabled one stays disabled) and gets the contact when it had none.
     *
     * @param contactId the company's contact this person is, when known
     * @throws PortalException on field {@code email}: not an address, or already the account of another company
     */
    @Transactional
    public CompanyAccount ensureAccount(long companyId, @Nullable Long contactId, String email) {
        String address = PortalInput.requireEmail(email);
        jdbc.sql("""
                        insert into company_account (email, company_id, contact_id) values (:email, :company, :contact)
                        on conflict (email) do update set contact_id = coalesce(company_account.contact_id, excluded.contact_id)
                        where company_account.company_id = excluded.company_id""")
                .param("email", address).param("company", companyId).param("contact", contactId)
                .update();
        CompanyAccount account = findByEmail(address).orElseThrow();
        if (account.companyId() != companyId) {
            throw new PortalException("email", "portal.error.email-of-another-company");
        }
        return account;
    }

    /** The account of an address (any case), enabled or not. */
    public Optional<CompanyAccount> findByEmail(String email) {
        return jdbc.sql("select * from company_account where email = :email")
                .param("email", PortalInput.normaliseEmail(email))
                .query(CompanyAccount.class).optional();
    }

    public Optional<CompanyAccount> find(long id) {
        return jdbc.sql("select * from company_account where id = :id").param("id", id).query(CompanyAccount.class).optional();
    }

    /** Stops (or allows again) signing in with this account; links already sent stop working at their next use. */
    @Transactional
    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update company_account set enabled = :enabled where id = :id").param("enabled", enabled).param("id", id).update();
    }

    /** Notes a successful sign-in. */
    @Transactional
    public void recordSignIn(long id) {
        jdbc.sql("update company_account set last_sign_in_at = now() where id = :id").param("id", id).update();
    }
}

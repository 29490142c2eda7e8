package fr.passerelle.partner;

import java.util.Collection;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps contacts' {@link EmailStatus} in step with the global opt-out list (module {@code optout}): when addresses are
 * blocked, every contact with one of them that is still {@link EmailStatus#ACTIVE} takes the given status, in one
 * statement, recorded in the history under one revision. Contacts written later with a blocked address take its status
 * in the database itself (a trigger on {@code contact}, migration V36), so no way in forgets it.
 *
 * <p>No role is required: the callers are an anonymous visitor's unsubscribe or the bounce mailbox job, and the only
 * change this can make is to stop mail to an address.
 */
@Service
@Transactional
public class ContactEmailStatuses {

    private final JdbcClient jdbc;

    ContactEmailStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Blocks the addresses' active contacts with {@code status} ({@code UNSUBSCRIBED} or {@code BOUNCED}); returns how many
     * contacts changed.
     *
     * @param author the name the history shows for the change ({@code désinscription}, {@code retours-de-courrier})
     */
    public int block(Collection<String> addresses, EmailStatus status, String author) {
        if (status == EmailStatus.ACTIVE) {
            throw new IllegalArgumentException("Blocking needs UNSUBSCRIBED or BOUNCED");
        }
        String[] keys = addresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        if (keys.length == 0) {
            return 0;
        }
        boolean any = jdbc.sql("select exists (select 1 from contact where lower(email) = any(:keys) and email_status = 'ACTIVE')")
                .param("keys", keys).query(Boolean.class).single();
        if (!any) {
            return 0;
        }
        long revision = jdbc.sql("""
                        insert into audit_revision (id, timestamp, username)
                        values (nextval('audit_revision_seq'), :now, :author) returning id""")
                .param("now", System.currentTimeMillis()).param("author", author).query(Long.class).single();
        return jdbc.sql("""
                with changed as (
                    update contact k set email_status = :status, version = k.version + 1
                    where lower(k.email) = any(:keys) and k.email_status = 'ACTIVE'
                    returning k.id, k.company_id, k.first_name, k.last_name, k.job_title, k.email, k.phone, k.is_primary, k.email_status)
                insert into contact_aud (id, rev, revtype, company_id, first_name, last_name, job_title, email, phone, is_primary,
                                         email_status)
                select id, :rev, 1, company_id, first_name, last_name, job_title, email, phone, is_primary, email_status from changed
                """).param("status", status.name()).param("keys", keys).param("rev", revision).update();
    }
}

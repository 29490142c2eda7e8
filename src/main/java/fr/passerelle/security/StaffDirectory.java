package fr.passerelle.security;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is who among the staff, for other modules' lists and forms (the owner of a company). Unlike
 * {@link UserAccountService}, readable by every staff role; it exposes names and DISP only.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'REFERENT', 'COMMUNICATION')")
public class StaffDirectory {

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active referents (R2IP), by name. */
    public List<StaffMember> referents() {
        return jdbc.sql("""
                        select id, display_name, disp_code from app_user
                        where role = 'REFERENT' and enabled
                        order by lower(display_name), id""")
                .query(StaffMember.class).list();
    }

    /**
     * The active referents' display names by DISP, for the public portal's contact list: open to anyone, so it gives
     * the name and DISP only (no e-mail, no username, no id).
     */
    @PreAuthorize("permitAll()")
    public List<PublicReferent> publicReferents() {
        return jdbc.sql("""
                        select display_name, disp_code from app_user
                        where role = 'REFERENT' and enabled
                        order by disp_code, lower(display_name), id""")
                .query(PublicReferent.class).list();
    }

    /** A referent as the public may see them. */
    public record PublicReferent(String displayName, String dispCode) {
    }

    /**
     * The active referents of a DISP who have an e-mail address, to notify them (a declaration waiting for them).
     * Open to any caller because notifications run after a commit without a signed-in person (a company confirming
     * its declaration on the public portal); no screen shows what it returns.
     */
    @PreAuthorize("permitAll()")
    public List<Recipient> referentRecipients(String dispCode) {
        return jdbc.sql("""
                        select id, display_name, email from app_user
                        where role = 'REFERENT' and enabled and disp_code = :disp and email is not null
                        order by lower(display_name), id""")
                .param("disp", dispCode).query(Recipient.class).list();
    }

    /** A staff member to e-mail. */
    public record Recipient(long id, String displayName, String email) {
    }

    /** Everyone a task can be given to (those who have "Mes tâches"): the active administrators and referents, by name. */
    public List<StaffMember> assignable() {
        return jdbc.sql("""
                        select id, display_name, disp_code from app_user
                        where role in ('ADMIN', 'REFERENT') and enabled
                        order by lower(display_name), id""")
                .query(StaffMember.class).list();
    }

    /** Whether this account may be given a task. */
    public boolean isAssignable(long userId) {
        return jdbc.sql("""
                        select exists (select 1 from app_user
                                       where id = :id and role in ('ADMIN', 'REFERENT') and enabled)""")
                .param("id", userId).query(Boolean.class).single();
    }
}

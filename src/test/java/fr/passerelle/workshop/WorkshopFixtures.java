package fr.passerelle.workshop;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Establishments, accounts and drafts the workshop tests share. */
public final class WorkshopFixtures {

    /** DISP DIJON, the demo referent's. */
    public static final String DIJON_ESTABLISHMENT = "CD JOUX LA VILLE";
    /** DISP LYON. */
    public static final String LYON_ESTABLISHMENT = "CD ROANNE";

    private WorkshopFixtures() {
    }

    public static long establishmentId(JdbcClient jdbc, String code) {
        return jdbc.sql("select id from establishment where code = :code").param("code", code).query(Long.class).single();
    }

    public static long userId(JdbcClient jdbc, String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /** A word of random letters, so that a test finds its own spaces whatever else is in the table. */
    public static String token() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    public static WorkshopSpaceDraft draft(long establishmentId, String label) {
        return new WorkshopSpaceDraft(establishmentId, label, 400, 50, true, "conditionnement", ActivityCategory.PACKAGING,
                Availability.AVAILABLE, null, null, null, true);
    }

    public static WorkshopSpaceDraft withPublic(WorkshopSpaceDraft d, boolean listed) {
        return new WorkshopSpaceDraft(d.establishmentId(), d.label(), d.areaM2(), d.storageM2(), d.loadingDock(),
                d.currentActivity(), d.activityCategory(), d.availability(), d.availableFrom(), d.referentId(), d.notes(), listed);
    }

    public static InterestDraft interest(long spaceId, String company) {
        return new InterestDraft(spaceId, company, null, "Claire Martin", "claire.martin@exemple.fr", null, "Nous cherchons 300 m².");
    }

    public static void signIn(UserDetailsService users, String username) {
        UserDetails user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** A visitor of the public portal, as Spring Security sees them. */
    public static void anonymous() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken("portal", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);
    }
}

package fr.passerelle.portal.internal;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.KeyedHashes;
import fr.passerelle.base.Role;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Visitors brought by a campaign's portal link ({@code /portail/declarer?campagne=42} or {@code /portail?campagne=42},
 * built with {@code PublicAddress.link}): the first portal page a session opens with the parameter makes the session
 * remember the campaign, so that a declaration made later in the session is attributed to it, and counts one visit of
 * the campaign (decision record 024). These visits are the only clicks counted: opens are never tracked.
 *
 * <p>The parameter is trusted for nothing else: a value that is not a positive number (at most 18 digits), or the id
 * of no campaign, is ignored without a word, and the page behaves as without it. A later link of another campaign in the same session replaces
 * the remembered one. Staff members following a link (a test send) are not counted. The visit row keeps a keyed hash
 * of the session's id, never the id, an address or anything about the visitor.
 */
@Component
@ConditionalOnWebApplication
public class CampaignLandings implements VaadinServiceInitListener {

    /** The query parameter of a campaign's portal links. */
    public static final String PARAMETER = "campagne";
    /** The session attribute holding the id of the campaign the session landed with (a {@link Long}). */
    static final String ATTRIBUTE = CampaignLandings.class.getName() + ".campaign";
    private static final String HASH_PURPOSE = "campaign-visit";
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final String PORTAL_PATH = "portail";

    private final CurrentUser currentUser;
    private final KeyedHashes hashes;
    private final JdbcClient jdbc;

    CampaignLandings(CurrentUser currentUser, KeyedHashes hashes, JdbcClient jdbc) {
        this.currentUser = currentUser;
        this.hashes = hashes;
        this.jdbc = jdbc;
    }

    /** The campaign id a parameter's value stands for, if it is one. */
    public static Optional<Long> campaignId(@Nullable String value) {
        return value != null && CAMPAIGN_ID.matcher(value).matches() ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    /** The campaign the current session landed with, if any. */
    public static Optional<Long> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Long id ? Optional.of(id) : Optional.empty();
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        if (!path.equals(PORTAL_PATH) && !path.startsWith(PORTAL_PATH + "/")) {
            return;
        }
        Optional<Long> campaign = event.getLocation().getQueryParameters().getSingleParameter(PARAMETER)
                .flatMap(CampaignLandings::campaignId);
        VaadinSession session = VaadinSession.getCurrent();
        if (campaign.isEmpty() || session == null || campaign.equals(current()) || isStaff()) {
            return;
        }
        if (exists(campaign.get())) {
            session.setAttribute(ATTRIBUTE, campaign.get());
            landed(campaign.get(), session.getSession().getId());
        }
    }

    /** Whether a campaign has that id (the campaign module's table, read only: V48 makes visits and declarations refer to it). */
    private boolean exists(long campaignId) {
        return jdbc.sql("select exists (select 1 from campaign where id = :campaign)").param("campaign", campaignId)
                .query(Boolean.class).single();
    }

    /** Counts the session's visit of the campaign, once however often it lands. */
    void landed(long campaignId, String sessionId) {
        jdbc.sql("""
                        insert into campaign_visit (campaign_id, visitor_key) values (:campaign, :visitor)
                        on conflict (campaign_id, visitor_key) do nothing""")
                .param("campaign", campaignId).param("visitor", hashes.of(HASH_PURPOSE, sessionId)).update();
    }

    private boolean isStaff() {
        return currentUser.find().map(user -> user.role() != Role.COMPANY).orElse(false);
    }
}

package fr.passerelle.portal.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How portal visitors' sessions behave:
 * <ul>
 * <li>a session that starts unsigned (a portal visitor, or someone on the way to the staff login) expires after
 * {@code passerelle.portal.anonymous-session-timeout} (15 minutes) without activity, since every visitor holds a
 * Vaadin session in the server's memory; any sign-in (staff form or company link) gives it back the usual
 * {@code server.servlet.session.timeout} (8 hours);</li>
 * <li>the language a visitor chose on the portal ({@link #LOCALE_ATTRIBUTE}) applies to each page they open;</li>
 * <li>a company user who opens a staff address is sent to their space: the staff screens are closed to them anyway
 * (their views require staff roles); an unsigned visitor who opens the company space is sent to the portal's
 * sign-in page rather than the staff login.</li>
 * </ul>
 */
@Component
@ConditionalOnWebApplication
public class PortalSessions implements VaadinServiceInitListener {

    /** The session attribute holding the language a visitor chose on the portal. */
    public static final String LOCALE_ATTRIBUTE = PortalSessions.class.getName() + ".locale";
    private static final String PORTAL_PATH = "portail";
    private static final String SPACE_PATH = "portail/espace";
    private static final String SIGN_IN_PATH = "portail/connexion";

    private final CurrentUser currentUser;
    private final int anonymousTimeoutSeconds;
    private final int signedInTimeoutSeconds;

    PortalSessions(CurrentUser currentUser,
                   @Value("${passerelle.portal.anonymous-session-timeout:15m}") Duration anonymousTimeout,
                   @Value("${server.servlet.session.timeout:8h}") Duration signedInTimeout) {
        this.currentUser = currentUser;
        this.anonymousTimeoutSeconds = Math.toIntExact(anonymousTimeout.toSeconds());
        this.signedInTimeoutSeconds = Math.toIntExact(signedInTimeout.toSeconds());
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            if (currentUser.find().isEmpty()) {
                init.getSession().getSession().setMaxInactiveInterval(anonymousTimeoutSeconds);
            }
        });
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        Optional<SignedInUser> user = currentUser.find();
        if (user.isEmpty() || user.get().role() == Role.COMPANY) {
            Object chosen = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getAttribute(LOCALE_ATTRIBUTE);
            UI ui = event.getUI();
            if (chosen instanceof Locale locale && !locale.equals(ui.getLocale())) {
                ui.setLocale(locale);
            }
        }
        String path = event.getLocation().getPath();
        if (user.isPresent() && user.get().role() == Role.COMPANY && !isPortal(path)) {
            event.forwardTo(SPACE_PATH);
        } else if (user.isEmpty() && (path.equals(SPACE_PATH) || path.startsWith(SPACE_PATH + "/"))) {
            // The company space asks for the portal's sign-in, not the staff login, and is back there afterwards.
            if (VaadinSession.getCurrent() != null && VaadinSession.getCurrent().getSession() instanceof WrappedHttpSession http) {
                SpaceReturn.remember(http.getHttpSession(), path);
            }
            event.forwardTo(SIGN_IN_PATH);
        }
    }

    private static boolean isPortal(String path) {
        return path.equals(PORTAL_PATH) || path.startsWith(PORTAL_PATH + "/");
    }

    /** Any interactive sign-in (form or link) gives the session the signed-in timeout back. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.setMaxInactiveInterval(signedInTimeoutSeconds);
            }
        }
    }

    int anonymousTimeoutSeconds() {
        return anonymousTimeoutSeconds;
    }
}

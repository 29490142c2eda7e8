package fr.passerelle.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import fr.passerelle.base.Translations;
import fr.passerelle.base.UserProfiles;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every UI speaks the signed-in person's language (French by default), and an unexpected error is
 * logged and shown as a short French message, never as a stack trace. Web only.
 */
@Component
@ConditionalOnWebApplication
class UiConfiguration implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiConfiguration.class);
    private final UserProfiles profiles;

    UiConfiguration(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(localeOfCurrentUser()));
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            log.error("Unexpected error in the user interface", error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    var notification = Notification.show(ui.getTranslation("error.unexpected"), 6000, Notification.Position.MIDDLE);
                    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        }));
    }

    private Locale localeOfCurrentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Translations.FRENCH;
        }
        return profiles.find(authentication.getName()).map(UserProfiles.UserProfile::locale).orElse(Translations.FRENCH);
    }
}

package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import fr.passerelle.base.UserProfiles;
import java.util.HashMap;
import java.util.Map;

/** The names people know each other by, for the usernames that the audit and the timeline record. */
final class AuthorNames {

    private static final String SYSTEM = "system";

    private final UserProfiles profiles;
    private final Component owner;
    private final Map<String, String> names = new HashMap<>();

    AuthorNames(UserProfiles profiles, Component owner) {
        this.profiles = profiles;
        this.owner = owner;
    }

    String of(String username) {
        if (SYSTEM.equals(username)) {
            return owner.getTranslation("company.author.system");
        }
        return names.computeIfAbsent(username,
                name -> profiles.find(name).map(UserProfiles.UserProfile::displayName).orElse(name));
    }
}

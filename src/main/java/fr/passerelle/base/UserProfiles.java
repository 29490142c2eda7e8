package fr.passerelle.base;

import java.util.Locale;
import java.util.Optional;

/**
 * What the shell needs to know about the signed-in person. Implemented by the security module, so
 * that the shared kernel does not depend on it.
 */
public interface UserProfiles {

    Optional<UserProfile> find(String username);

    /** Remembers the language a person chose in the shell. */
    void saveLocale(String username, Locale locale);

    record UserProfile(String username, String displayName, Locale locale) {
    }
}

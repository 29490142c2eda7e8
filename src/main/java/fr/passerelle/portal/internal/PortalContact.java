package fr.passerelle.portal.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The portal's generic contact address ({@code passerelle.portal.contact-email}), shown on its pages. */
@Component
public class PortalContact {

    private final String email;

    PortalContact(@Value("${passerelle.portal.contact-email:contact@passerelle.local}") String email) {
        this.email = email.strip();
    }

    public String email() {
        return email;
    }
}

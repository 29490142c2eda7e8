package fr.passerelle.campaign;

import org.jspecify.annotations.Nullable;

/** A contact to preview a template for, as the picker lists it. */
public record ContactOption(long id, @Nullable String firstName, String lastName, @Nullable String email, String companyName) {

    public String label() {
        String name = (firstName == null ? "" : firstName + " ") + lastName;
        return name + " – " + companyName + (email == null ? "" : " <" + email + ">");
    }
}

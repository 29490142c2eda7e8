package fr.passerelle.campaign;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A saved template, with the version an edit starts from. */
public record Template(long id, String name, String subject, String htmlBody, @Nullable String textBody, String ownerName,
                       Instant createdAt, Instant updatedAt, long version) {

    public TemplateContent content() {
        return new TemplateContent(subject, htmlBody, textBody);
    }
}

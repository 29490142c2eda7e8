package fr.passerelle.campaign;

import org.jspecify.annotations.Nullable;

/**
 * What an author writes: a subject, an HTML body and, if they want one, their own plain-text alternative (else it is
 * generated from the HTML).
 */
public record TemplateContent(String subject, String htmlBody, @Nullable String textBody) {

    @SuppressWarnings("ConstantValue")
    public TemplateContent {
        subject = subject == null ? "" : subject;
        htmlBody = htmlBody == null ? "" : htmlBody;
        textBody = textBody == null || textBody.isBlank() ? null : textBody;
    }
}

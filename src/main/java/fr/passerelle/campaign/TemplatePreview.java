package fr.passerelle.campaign;

import java.util.List;

/** A template rendered for one contact, with what to fix before sending. */
public record TemplatePreview(RenderedMessage message, List<TemplateWarning> warnings) {
}

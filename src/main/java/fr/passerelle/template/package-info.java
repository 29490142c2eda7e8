/**
 * Message templates (issue 12): Mustache merge fields only, escaped, with the sender's identity and the opt-out footer
 * always added, previewed for a real contact with warnings before any sending. Decision records 022 and 025.
 * {@link fr.passerelle.template.TemplateService} is for people (write, check, preview);
 * {@link fr.passerelle.template.TemplateRendering} renders a content for any sender without a signed-in person (the
 * campaign's composer); {@link fr.passerelle.template.TemplateService#values(long, long)} gives a contact's merge values
 * with its own signed opt-out link for a campaign.
 */
@NullMarked
package fr.passerelle.template;

import org.jspecify.annotations.NullMarked;

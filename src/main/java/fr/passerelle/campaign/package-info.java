/**
 * Awareness campaigns (issue 12): segments (saved filters over partner companies and their contacts, with a live
 * count and the exclusions it made) and templates (Mustache merge fields, escaped, with the sender's identity and the
 * opt-out footer always added). Decision record 022.
 *
 * <p>For the campaigns to come: {@link fr.passerelle.campaign.SegmentService#forEachRecipientBatch} hands out a
 * segment's addresses in keyset batches; {@link fr.passerelle.campaign.TemplateService#values(long, long)} gives a
 * contact's merge values with its own signed opt-out link for a campaign, which the renderer puts in the footer.
 */
@NullMarked
package fr.passerelle.campaign;

import org.jspecify.annotations.NullMarked;

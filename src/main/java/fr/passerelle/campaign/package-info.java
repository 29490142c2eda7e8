/**
 * Awareness campaigns (issue 12): segments (saved filters over partner companies and their contacts, with a live
 * count and the exclusions it made) and templates (Mustache merge fields, escaped, with the sender's identity and the
 * opt-out footer always added). Decision record 022. Campaigns ({@link fr.passerelle.campaign.CampaignService}): a
 * segment and a template frozen when scheduled or launched, sent through the outbox stream {@code campaign:<id>}, now
 * or at a set time, paused, resumed, cancelled; {@link fr.passerelle.campaign.CampaignLaunched} is published when one is
 * launched. Decision record 023.
 *
 * <p>{@link fr.passerelle.campaign.SegmentService#forEachRecipientBatch} hands out a segment's addresses in keyset
 * batches; {@link fr.passerelle.campaign.TemplateService#values(long, long)} gives a contact's merge values with its own
 * signed opt-out link for a campaign, which the renderer puts in the footer.
 */
@NullMarked
package fr.passerelle.campaign;

import org.jspecify.annotations.NullMarked;

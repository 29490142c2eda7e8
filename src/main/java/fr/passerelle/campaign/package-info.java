/**
 * Awareness campaigns (issue 12): segments (saved filters over partner companies and their contacts, with a live
 * count and the exclusions it made) and templates (Mustache merge fields, escaped, with the sender's identity and the
 * opt-out footer always added). Decision record 022. Campaigns ({@link fr.passerelle.campaign.CampaignService}): a
 * segment and a template frozen at launch, sent through the outbox stream {@code campaign:<id>}, now or at a set time,
 * paused, resumed, cancelled; {@link fr.passerelle.campaign.CampaignLaunched} is published when one is launched.
 * Decision record 023.
 */
@NullMarked
package fr.passerelle.campaign;

import org.jspecify.annotations.NullMarked;

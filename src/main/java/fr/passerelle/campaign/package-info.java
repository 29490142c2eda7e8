/**
 * Awareness campaigns (issue 12, {@link fr.passerelle.campaign.CampaignService}): a segment ({@code segment} module)
 * and a template ({@code template} module) frozen when scheduled or launched, sent through the outbox stream
 * {@code campaign:<id>}, now or at a set time, paused, resumed, cancelled; {@link fr.passerelle.campaign.CampaignLaunched}
 * is published when one is launched. Decision records 023 and 025. The campaign module depends on segments and
 * templates, never the other way round.
 */
@NullMarked
package fr.passerelle.campaign;

import org.jspecify.annotations.NullMarked;

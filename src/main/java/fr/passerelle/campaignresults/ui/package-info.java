/**
 * The results panel, for the campaign page of the campaign module: {@link
 * fr.passerelle.campaignresults.ui.CampaignResultsPanels#create(long)} makes one for a campaign.
 */
@NullMarked
@NamedInterface("results-panel")
package fr.passerelle.campaignresults.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

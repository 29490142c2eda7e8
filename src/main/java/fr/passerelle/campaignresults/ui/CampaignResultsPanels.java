package fr.passerelle.campaignresults.ui;

import fr.passerelle.campaignresults.CampaignResults;
import org.springframework.stereotype.Component;

/**
 * Makes the results panel of a campaign, for the campaign module's page (which knows the campaign; this module only
 * its id). The panel reads the results as the signed-in person may see them ({@link CampaignResults}).
 */
@Component
public class CampaignResultsPanels {

    private final CampaignResults results;

    CampaignResultsPanels(CampaignResults results) {
        this.results = results;
    }

    /** A new panel showing the campaign's results per day; a staff person must be signed in. */
    public CampaignResultsPanel create(long campaignId) {
        return new CampaignResultsPanel(results, campaignId);
    }
}

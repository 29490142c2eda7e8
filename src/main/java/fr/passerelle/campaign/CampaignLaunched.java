package fr.passerelle.campaign;

/**
 * Published in the transaction that launches a campaign (now, or at its scheduled time). Its fan-out listens to it through
 * Spring Modulith's event publication registry, so that a fan-out interrupted by a crash is resubmitted on restart.
 */
public record CampaignLaunched(long campaignId) {
}

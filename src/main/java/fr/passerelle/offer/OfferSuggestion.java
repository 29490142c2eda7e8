package fr.passerelle.offer;

/** An open offer suggested for a cohort, and why. */
public record OfferSuggestion(OfferSummary offer, OfferMatch match) {
}

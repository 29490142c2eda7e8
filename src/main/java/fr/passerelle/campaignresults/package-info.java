/**
 * A campaign's results (issue 12, item 7; decision record 024), keyed by the campaign's id alone: its messages sent,
 * failed, skipped and pending (its mail stream {@code campaign:<id>}), the addresses it got blocked (bounces,
 * unsubscribes, complaints: the opt-out list's rows whose source is {@code campaign:<id>}), the visits through its
 * portal links, the declarations registered from those, the offers they opened and the hires recorded on them, in
 * total and per day or hour. Opens are never tracked.
 *
 * <p>Public API: {@link fr.passerelle.campaignresults.CampaignResults} and its records; the results panel for the
 * campaign page through {@link fr.passerelle.campaignresults.ui.CampaignResultsPanels}. Administrators and
 * communication teams read everything; a referent reads the declarations, offers and hires of their DISP only.
 */
@NullMarked
package fr.passerelle.campaignresults;

import org.jspecify.annotations.NullMarked;

/**
 * The global opt-out list (suppression list), unsubscribe links and bounces (issue 12; decision record 021).
 *
 * <p>Public API, for the campaign module and anyone who sends mail to partners:
 * <ul>
 * <li>{@link fr.passerelle.optout.OptOuts}: {@code isOptedOut(address)}, {@code optedOut(addresses)} for a batch, and
 * the events that block an address ({@code unsubscribe}, {@code hardBounce}, {@code complaint}, {@code softBounce};
 * the third soft bounce blocks). Blocking is permanent, publishes {@link fr.passerelle.optout.AddressBlocked}, and
 * sets the {@code EmailStatus} of every partner contact with that address ({@code UNSUBSCRIBED} for an unsubscribe or
 * a complaint, {@code BOUNCED} for bounces); contacts written later with the address take it too (a database trigger),
 * CSV imports included.</li>
 * <li>{@link fr.passerelle.optout.UnsubscribeTokens}: {@code issue(address, campaignId)} a signed token, and
 * {@code headers(address, campaignId)}, the {@code List-Unsubscribe} (HTTPS then mailto) and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} values with the page's link for the footer, all on the
 * public address.</li>
 * <li>The table {@code mail_opt_out}, read-only for other modules' SQL: one row per blocked address, keyed by the
 * normalised address {@code address_key} (trimmed, lower case). A segment excludes blocked addresses with
 * {@code not exists (select 1 from mail_opt_out o where o.address_key = lower(btrim(k.email)))}; other columns:
 * {@code reason} ({@code UNSUBSCRIBED | HARD_BOUNCE | COMPLAINT | SOFT_BOUNCES}), {@code soft_bounces},
 * {@code first_event_at}, {@code last_event_at}, {@code source} ({@code campaign:<id>} when known), {@code detail}.
 * Soft bounces not blocking yet are in {@code mail_soft_bounce}, which no one else should read.</li>
 * </ul>
 * Inside: the page {@code /desinscription/{token}} (one confirming click), the RFC 8058 one-click POST on the same
 * path, and the job that reads bounces (RFC 3464 delivery status notifications, RFC 5965 feedback reports) from the
 * IMAP mailbox {@code passerelle.mail.bounces.imap.*}.
 */
@NullMarked
package fr.passerelle.optout;

import org.jspecify.annotations.NullMarked;

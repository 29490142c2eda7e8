package fr.passerelle.optout;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published (in the transaction that blocked it) when an address joins the opt-out list; an address already blocked
 * publishes nothing again. Listen with {@code @ApplicationModuleListener} to count it in a campaign's results.
 *
 * @param address the normalised address
 * @param source where the event came from: {@code campaign:<id>} when the token or the bounced message named a campaign
 */
public record AddressBlocked(String address, OptOutReason reason, @Nullable String source, Instant at) {
}

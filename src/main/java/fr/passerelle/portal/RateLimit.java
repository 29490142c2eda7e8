package fr.passerelle.portal;

import java.time.Duration;

/**
 * A limit on how often one key (an e-mail address, a client address) may do something: {@code capacity} times per
 * {@code period}, refilled gradually.
 *
 * @param name a short stable name, part of the stored key ({@code sign-in-email})
 */
public record RateLimit(String name, long capacity, Duration period) {

    public RateLimit {
        if (name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("A rate limit needs a name without ':'");
        }
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
        }
    }
}

package fr.passerelle.mail;

/**
 * A token bucket whose state lives in the database ({@code mail_stream.tokens}, {@code mail_global_allowance}): it
 * refills at {@code perMinute / 60} a second up to a burst of ten seconds' worth, and the claim that reads it holds
 * its row locked, so every instance draws from the one bucket and the rate holds across them.
 */
final class Throttle {

    private Throttle() {
    }

    /** Ten seconds' worth of messages, at least one: the most a stream sends at once after a quiet spell. */
    static int burst(int perMinute) {
        return Math.max(1, (int) Math.ceil(perMinute / 6.0));
    }

    /** What may be taken now, from the tokens stored and the seconds since they were counted. */
    static double available(int perMinute, double tokens, double elapsedSeconds) {
        return Math.min(burst(perMinute), tokens + Math.max(0, elapsedSeconds) * perMinute / 60.0);
    }

    /** Nanoseconds until one whole token is there. */
    static long nanosUntilOne(int perMinute, double available) {
        double seconds = (1 - available) * 60.0 / perMinute;
        return (long) Math.ceil(Math.max(0, seconds) * 1e9);
    }
}

package fr.passerelle.mail;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stream's messages by status now, and sent / failed per period.
 *
 * @param perMinute    the stream's own rate, or null without one
 * @param pausedReason why it is paused (asked for, or its error rate), null unless {@code PAUSED}
 * @param series       periods with at least one message sent or failed, oldest first
 */
public record StreamProgress(String name, State state, @Nullable Integer perMinute, @Nullable String pausedReason, Counts counts,
                             List<Period> series) {

    public StreamProgress {
        series = List.copyOf(series);
    }

    public enum State { ACTIVE, PAUSED, CANCELLED }

    public record Counts(long pending, long sending, long sent, long failed, long skipped, long cancelled) {

        public long total() {
            return pending + sending + sent + failed + skipped + cancelled;
        }

        /** Nothing left to send: every message was sent, failed, skipped or cancelled. */
        public boolean finished() {
            return pending == 0 && sending == 0;
        }
    }

    /** @param start the period's first instant (a whole minute or hour) */
    public record Period(Instant start, long sent, long failed) {
    }
}

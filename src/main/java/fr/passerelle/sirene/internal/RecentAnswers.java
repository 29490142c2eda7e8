package fr.passerelle.sirene.internal;

import fr.passerelle.sirene.SiretLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answers of the last minutes, by SIRET: at most {@code maxEntries} of them, the least recently used
 * going first. One application instance has a few people typing at a time, so a synchronised map is
 * enough; a cache library would add a dependency for nothing more.
 */
public final class RecentAnswers {

    private record Kept(SiretLookup lookup, Instant expires) {
    }

    private final Clock clock;
    private final Duration duration;
    private final Map<String, Kept> entries;

    public RecentAnswers(Clock clock, Duration duration, int maxEntries) {
        this.clock = clock;
        this.duration = duration;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized @Nullable SiretLookup get(String siret) {
        Kept entry = entries.get(siret);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(siret);
            return null;
        }
        return entry.lookup();
    }

    public synchronized void put(String siret, SiretLookup lookup) {
        entries.put(siret, new Kept(lookup, clock.instant().plus(duration)));
    }

    synchronized int size() {
        return entries.size();
    }
}

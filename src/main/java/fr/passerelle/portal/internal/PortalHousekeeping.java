package fr.passerelle.portal.internal;

import fr.passerelle.portal.PortalRateLimits;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The portal's scheduled clean-up, on one instance at a time (ShedLock): declarations are deleted 7 days after they
 * were made — the unconfirmed ones because their contact never confirmed them, the confirmed ones because their
 * content now lives in the offer — and the rate limits' rows that have nothing left to remember go.
 */
@Component
public class PortalHousekeeping {

    /** How long a declaration is kept, confirmed or not. */
    public static final Duration DECLARATION_RETENTION = Duration.ofDays(7);
    private static final int RATE_LIMIT_BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(PortalHousekeeping.class);

    private final JdbcClient jdbc;
    private final PortalRateLimits rateLimits;
    private final Clock clock;

    PortalHousekeeping(JdbcClient jdbc, PortalRateLimits rateLimits, Clock clock) {
        this.jdbc = jdbc;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** Deletes the declarations made more than 7 days ago (by the clock); returns how many went. */
    @Scheduled(cron = "${passerelle.portal.declaration-purge-cron:0 17 * * * *}")
    @SchedulerLock(name = "portal-declaration-purge", lockAtMostFor = "PT10M")
    public int purgeDeclarations() {
        int purged = jdbc.sql("delete from portal_declaration where created_at < :limit")
                .param("limit", Timestamp.from(clock.instant().minus(DECLARATION_RETENTION))).update();
        if (purged > 0) {
            log.info("Purged {} portal declarations older than {} days", purged, DECLARATION_RETENTION.toDays());
        }
        return purged;
    }

    /** Removes the rate limits' rows of buckets full again, in batches; returns how many went. */
    @Scheduled(fixedDelayString = "${passerelle.portal.rate-limit-cleanup-interval:PT15M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "portal-rate-limit-cleanup", lockAtMostFor = "PT10M")
    public int removeExpiredRateLimits() {
        int removed = 0;
        int batch;
        do {
            batch = rateLimits.removeExpired(RATE_LIMIT_BATCH);
            removed += batch;
        } while (batch == RATE_LIMIT_BATCH);
        return removed;
    }
}

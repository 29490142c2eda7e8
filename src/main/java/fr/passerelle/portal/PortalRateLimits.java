package fr.passerelle.portal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import fr.passerelle.base.KeyedHashes;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Rate limits of the public pages (Bucket4j), kept in PostgreSQL ({@code portal_rate_limit}, one row per key, updated
 * under {@code select … for update}), so that every instance sharing the database counts the same requests. Keys are
 * stored as keyed hashes ({@link KeyedHashes}): the table never holds an e-mail or IP address, nor anything that trying
 * every IPv4 address would reverse.
 *
 * <p>The client address is the request's remote address. Behind a reverse proxy that is the proxy's address, and
 * every visitor would share one bucket: set {@code server.forward-headers-strategy=native} (or {@code framework}) so
 * that the address the proxy forwards ({@code X-Forwarded-For}) is used, and only behind a proxy that sets it.
 */
@Service
public class PortalRateLimits {

    /** The purpose of the keyed hashes of the keys. */
    static final String HASH_PURPOSE = "rate-limit";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final KeyedHashes hashes;
    private final RateLimit signInPerEmail;
    private final RateLimit signInPerAddress;

    PortalRateLimits(DataSource dataSource, KeyedHashes hashes,
                     @Value("${passerelle.portal.rate-limit.sign-in-per-email:5}") long signInPerEmail,
                     @Value("${passerelle.portal.rate-limit.sign-in-per-address:20}") long signInPerAddress) {
        this.buckets = proxyManager(dataSource);
        this.hashes = hashes;
        this.signInPerEmail = new RateLimit("sign-in-email", signInPerEmail, Duration.ofHours(1));
        this.signInPerAddress = new RateLimit("sign-in-address", signInPerAddress, Duration.ofHours(1));
    }

    /** A manager of the buckets in {@code portal_rate_limit}; each instance (or test) may build its own on one database. */
    public static PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("portal_rate_limit")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                .build();
    }

    /** Sign-in links asked for one e-mail address: 5 an hour unless configured. */
    public RateLimit signInPerEmail() {
        return signInPerEmail;
    }

    /** Sign-in links asked for from one client address: 20 an hour unless configured. */
    public RateLimit signInPerAddress() {
        return signInPerAddress;
    }

    /** Takes one request from the key's allowance; false (nothing taken) when it is used up. */
    public boolean tryConsume(RateLimit limit, String key) {
        return tryConsume(buckets, limit, hashes.of(HASH_PURPOSE, key));
    }

    static boolean tryConsume(ProxyManager<String> buckets, RateLimit limit, String hashedKey) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
        return buckets.getProxy(limit.name() + ":" + hashedKey, () -> configuration).tryConsume(1);
    }

    /**
     * Removes the rows of buckets that are full again (nothing left to remember), up to {@code batchSize}; any instance
     * may run it (the rows are taken with {@code skip locked}). Returns how many went.
     */
    public int removeExpired(int batchSize) {
        return buckets.removeExpired(batchSize);
    }
}

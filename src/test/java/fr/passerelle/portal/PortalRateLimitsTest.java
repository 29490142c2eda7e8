package fr.passerelle.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.KeyedHashes;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rate limits hold across instances: two limiters built independently on one database share every key's allowance. */
class PortalRateLimitsTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KeyedHashes hashes;

    @Test
    void twoInstancesOnOneDatabaseShareTheAllowance() {
        var one = PortalRateLimits.proxyManager(dataSource);
        var other = PortalRateLimits.proxyManager(dataSource);
        var limit = new RateLimit("test-shared", 3, Duration.ofHours(1));
        String key = hashes.of(PortalRateLimits.HASH_PURPOSE, PortalFixtures.uniqueEmail());

        assertThat(PortalRateLimits.tryConsume(one, limit, key)).isTrue();
        assertThat(PortalRateLimits.tryConsume(other, limit, key)).isTrue();
        assertThat(PortalRateLimits.tryConsume(one, limit, key)).isTrue();
        assertThat(PortalRateLimits.tryConsume(other, limit, key)).as("the fourth, on the other instance").isFalse();
        assertThat(PortalRateLimits.tryConsume(one, limit, key)).isFalse();
        assertThat(PortalRateLimits.tryConsume(other, limit, hashes.of(PortalRateLimits.HASH_PURPOSE, PortalFixtures.uniqueEmail()))).as("another key").isTrue();
    }

    @Autowired
    PortalRateLimits limits;

    @Test
    void theTableNeverHoldsTheAddressItselfNorItsPlainHash() {
        String key = "192.0.2." + (System.nanoTime() % 250);
        var limit = new RateLimit("test-hashed-" + System.nanoTime(), 2, Duration.ofHours(1));
        limits.tryConsume(limit, key);

        assertThat(jdbc.sql("select id from portal_rate_limit where id like :name || ':%'").param("name", limit.name())
                .query(String.class).list()).singleElement().satisfies(id -> {
                    assertThat(id).doesNotContain(key).isEqualTo(limit.name() + ":" + hashes.of(PortalRateLimits.HASH_PURPOSE, key));
                    assertThat(id).as("not a plain SHA-256, which trying every IPv4 address reverses")
                            .doesNotContain(jdbc.sql("select encode(sha256(convert_to(:key, 'UTF8')), 'hex')").param("key", key)
                                    .query(String.class).single());
                });
    }
}

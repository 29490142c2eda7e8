package fr.passerelle.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
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

    @Test
    void twoInstancesOnOneDatabaseShareTheAllowance() {
        var one = PortalRateLimits.proxyManager(dataSource);
        var other = PortalRateLimits.proxyManager(dataSource);
        var limit = new RateLimit("test-shared", 3, Duration.ofHours(1));
        String key = PortalFixtures.uniqueEmail();

        assertThat(PortalRateLimits.tryConsume(one, limit, key)).isTrue();
        assertThat(PortalRateLimits.tryConsume(other, limit, key)).isTrue();
        assertThat(PortalRateLimits.tryConsume(one, limit, key)).isTrue();
        assertThat(PortalRateLimits.tryConsume(other, limit, key)).as("the fourth, on the other instance").isFalse();
        assertThat(PortalRateLimits.tryConsume(one, limit, key)).isFalse();
        assertThat(PortalRateLimits.tryConsume(other, limit, PortalFixtures.uniqueEmail())).as("another key").isTrue();
    }

    @Test
    void theTableNeverHoldsTheAddressItself() {
        String key = PortalFixtures.uniqueEmail();
        PortalRateLimits.tryConsume(PortalRateLimits.proxyManager(dataSource), new RateLimit("test-hashed", 2, Duration.ofHours(1)), key);

        assertThat(jdbc.sql("select count(*) from portal_rate_limit where id like 'test-hashed:%'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from portal_rate_limit where id like '%' || :key || '%'").param("key", key)
                .query(Long.class).single()).isZero();
    }
}

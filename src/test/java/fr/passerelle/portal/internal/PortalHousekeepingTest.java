package fr.passerelle.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.portal.DeclarationFixtures;
import fr.passerelle.portal.PortalFixtures;
import fr.passerelle.portal.PortalRateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The portal's clean-up jobs, run by the test with a controlled clock (scheduling is off in the tests). */
class PortalHousekeepingTest extends IntegrationTest {

    @Autowired
    Declarations declarations;
    @Autowired
    PortalRateLimits rateLimits;
    @Autowired
    JdbcClient jdbc;

    @Test
    void declarationsAreDeletedSevenDaysAfterTheyWereMade() {
        String old = declare();
        String recent = declare();
        Instant now = Instant.now();
        jdbc.sql("update portal_declaration set created_at = created_at - interval '8 days', expires_at = expires_at - interval '8 days'"
                + " where email = :email").param("email", old).update();

        int purged = housekeeping(now).purgeDeclarations();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(count(old)).isZero();
        assertThat(count(recent)).as("made just now").isEqualTo(1);

        housekeeping(now.plus(Duration.ofDays(7)).minus(Duration.ofMinutes(1))).purgeDeclarations();
        assertThat(count(recent)).as("not quite 7 days old").isEqualTo(1);
        housekeeping(now.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1))).purgeDeclarations();
        assertThat(count(recent)).as("7 days old").isZero();
    }

    @Test
    void rateLimitRowsWithNothingLeftToRememberAreRemoved() {
        String used = "declare-test:" + UUID.randomUUID();
        String expired = "declare-test:" + UUID.randomUUID();
        jdbc.sql("insert into portal_rate_limit (id, state, expires_at) values (:used, null, :later), (:expired, null, 1)")
                .param("used", used).param("expired", expired).param("later", Instant.now().plus(Duration.ofHours(1)).toEpochMilli())
                .update();

        assertThat(housekeeping(Instant.now()).removeExpiredRateLimits()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select id from portal_rate_limit where id in (:used, :expired)").param("used", used)
                .param("expired", expired).query(String.class).list()).containsExactly(used);
    }

    private PortalHousekeeping housekeeping(Instant now) {
        return new PortalHousekeeping(jdbc, rateLimits, Clock.fixed(now, ZoneOffset.UTC));
    }

    private String declare() {
        String email = PortalFixtures.uniqueEmail();
        declarations.submit(DeclarationFixtures.validRequest(email), DeclarationFixtures.uniqueClientAddress(), Locale.FRANCE);
        return email;
    }

    private long count(String email) {
        return jdbc.sql("select count(*) from portal_declaration where email = :email").param("email", email).query(Long.class).single();
    }
}

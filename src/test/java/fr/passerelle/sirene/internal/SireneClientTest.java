package fr.passerelle.sirene.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SireneClientTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final SireneClient client = new SireneClient(URI.create("http://127.0.0.1:9/api-sirene/3.11"), "k",
            Duration.ofSeconds(1), Duration.ofSeconds(1), clock);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(client.retryAfter("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(client.retryAfter("Mon, 02 Mar 2026 09:02:00 GMT")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aMissingOrUnreadableRetryAfterWaitsAMinuteAndAnyDelayIsBounded() {
        assertThat(client.retryAfter(null)).isEqualTo(SireneClient.DEFAULT_RETRY_AFTER);
        assertThat(client.retryAfter("soon")).isEqualTo(SireneClient.DEFAULT_RETRY_AFTER);
        assertThat(client.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(client.retryAfter("Mon, 02 Mar 2026 08:00:00 GMT")).as("a date past").isEqualTo(Duration.ofSeconds(1));
        assertThat(client.retryAfter("86400")).isEqualTo(SireneClient.LONGEST_RETRY_AFTER);
    }
}

package fr.passerelle.sirene.internal;

import fr.passerelle.sirene.SiretLookup;
import fr.passerelle.sirene.SiretLookup.Reason;
import fr.passerelle.sirene.SiretLookup.Unavailable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request to {@code GET {base}/siret/{siret}} of INSEE's API Sirene 3.11, authenticated by the
 * {@value #KEY_HEADER} header, turned into a {@link SiretLookup}. Never retries: a 429 is reported with
 * the delay INSEE asks for, and the caller keeps quiet that long. Warnings name the SIRET and the
 * status, never the key.
 */
public final class SireneClient implements AutoCloseable {

    public static final String KEY_HEADER = "X-INSEE-Api-Key-Integration";
    /** When a 429 gives no usable Retry-After: INSEE's quota is counted per minute. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(10);
    /** An answer is a few kilobytes; anything much larger is not one. */
    private static final int LARGEST_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(SireneClient.class);

    /** What INSEE answered, and how long to wait before asking again when it asked us to slow down. */
    public record Answer(SiretLookup lookup, @Nullable Duration retryAfter) {
    }

    private final HttpClient http;
    private final RestClient rest;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final EstablishmentReader reader = new EstablishmentReader();

    public SireneClient(URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout, Clock clock) {
        var builder = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies); // the JVM's proxy settings (https.proxyHost…), as a server behind one needs
        }
        this.http = builder.build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        this.rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .defaultHeader(KEY_HEADER, apiKey)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
        this.clock = clock;
    }

    /** Asks INSEE about a well-formed SIRET (14 digits). */
    public Answer fetch(String siret) {
        try {
            return rest.get().uri("/siret/{siret}", siret).exchangeForRequiredValue((request, response) -> {
                byte[] body;
                try (InputStream in = response.getBody()) {
                    body = in.readNBytes(LARGEST_BODY);
                }
                return answer(siret, response.getStatusCode().value(), response.getHeaders(), body);
            });
        } catch (RestClientException e) {
            if (timedOut(e)) {
                log.warn("Sirene look-up of {} timed out: {}", siret, e.getMessage());
                return unavailable(Reason.TIMEOUT);
            }
            log.warn("Sirene look-up of {} failed: {}", siret, e.getMessage());
            return unavailable(Reason.ERROR);
        }
    }

    private Answer answer(String siret, int status, HttpHeaders headers, byte[] body) {
        switch (status) {
            case 200 -> {
                return found(siret, body);
            }
            case 400 -> {
                return new Answer(new SiretLookup.InvalidSiret(siret), null);
            }
            case 404 -> {
                return new Answer(new SiretLookup.NotFound(siret), null);
            }
            case 403 -> {
                String message = headerMessage(body);
                // INSEE says "Établissement non diffusable (…)"; a 403 without it is the gateway refusing the key.
                if (message.toLowerCase(Locale.ROOT).contains("non diffus")) {
                    return new Answer(new SiretLookup.NonDiffusible(siret), null);
                }
                log.warn("Sirene refused the look-up of {} (HTTP 403 \"{}\"): is the key subscribed to the API Sirene?", siret, message);
                return unavailable(Reason.ERROR);
            }
            case 401 -> {
                log.warn("Sirene refused the API key (HTTP 401) when looking up {}", siret);
                return unavailable(Reason.ERROR);
            }
            case 429 -> {
                Duration wait = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
                log.warn("Sirene asks to slow down (HTTP 429) at {}: no look-up for {} s", siret, wait.toSeconds());
                return new Answer(new Unavailable(Reason.RATE_LIMITED), wait);
            }
            default -> {
                log.warn("Sirene look-up of {} answered HTTP {} \"{}\"", siret, status, headerMessage(body));
                return unavailable(Reason.ERROR);
            }
        }
    }

    private Answer found(String siret, byte[] body) {
        try {
            JsonNode establishment = json.readTree(body).path("etablissement");
            if (!establishment.isObject()) {
                log.warn("Sirene look-up of {} answered 200 without an establishment", siret);
                return unavailable(Reason.ERROR);
            }
            if ("N".equals(EstablishmentReader.text(establishment, "statutDiffusionEtablissement"))) {
                return new Answer(new SiretLookup.NonDiffusible(siret), null);
            }
            return new Answer(new SiretLookup.Found(reader.read(establishment)), null);
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Sirene look-up of {} answered something unreadable: {}", siret, e.getMessage());
            return unavailable(Reason.ERROR);
        }
    }

    /**
     * The {@code header.message} INSEE puts in its answers, errors included, or the gateway's own
     * {@code message} (a refused key, a quota); empty when the body is neither (an HTML error page).
     */
    private String headerMessage(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            String message = EstablishmentReader.text(root.path("header"), "message");
            message = message != null ? message : EstablishmentReader.text(root, "message");
            return message == null ? "" : message.length() > 200 ? message.substring(0, 200) + "…" : message;
        } catch (JacksonException e) {
            return "";
        }
    }

    /** Retry-After in seconds or as an HTTP date; within a second and ten minutes. */
    Duration retryAfter(@Nullable String value) {
        Duration wait = DEFAULT_RETRY_AFTER;
        if (value != null && !value.isBlank()) {
            String trimmed = value.strip();
            try {
                wait = trimmed.chars().allMatch(Character::isDigit)
                        ? Duration.ofSeconds(Long.parseLong(trimmed))
                        : Duration.between(clock.instant(), ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (NumberFormatException | DateTimeParseException e) {
                wait = DEFAULT_RETRY_AFTER;
            }
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Answer unavailable(Reason reason) {
        return new Answer(new Unavailable(reason), null);
    }

    @Override
    public void close() {
        http.close();
    }
}

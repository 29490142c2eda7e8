package fr.passerelle.optout;

import fr.passerelle.partner.ContactEmailStatuses;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The global opt-out list: addresses no campaign may write to again, whatever campaign or import brings them back.
 * An unsubscribe, a hard bounce or a complaint blocks an address at once; soft bounces block it at the
 * {@value #SOFT_BOUNCES_TO_BLOCK}rd. Blocking an address also blocks every partner contact with it (their
 * {@code EmailStatus} becomes {@code UNSUBSCRIBED} or {@code BOUNCED}) and publishes {@link AddressBlocked}.
 *
 * <p>Addresses are compared normalised: trimmed and in lower case. No role is required: the callers are anonymous
 * visitors (their signed token is the proof), the bounce mailbox job, and campaign delivery; nothing here can send
 * mail to anyone, only stop it.
 */
@Service
@Transactional(readOnly = true)
public class OptOuts {

    /** The soft bounce that blocks an address. */
    public static final int SOFT_BOUNCES_TO_BLOCK = 3;
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final int MAX_ADDRESS_LENGTH = 320;
    private static final int MAX_TEXT_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ContactEmailStatuses contacts;

    OptOuts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, ContactEmailStatuses contacts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.contacts = contacts;
    }

    /** The address as the list stores it (trimmed, lower case), or empty when it is no e-mail address at all. */
    public static Optional<String> normalise(@Nullable String address) {
        if (address == null) {
            return Optional.empty();
        }
        String key = address.strip().toLowerCase(Locale.ROOT);
        return key.length() <= MAX_ADDRESS_LENGTH && ADDRESS.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    public boolean isOptedOut(String address) {
        return find(address).isPresent();
    }

    public Optional<OptOut> find(String address) {
        return normalise(address).flatMap(key -> jdbc.sql("""
                        select address_key, reason, soft_bounces, first_event_at, last_event_at, source, detail
                        from mail_opt_out where address_key = :key""")
                .param("key", key).query(OptOuts::optOut).optional());
    }

    /**
     * Which of the addresses are blocked, normalised, in one query (a campaign checks a batch of recipients before
     * sending it). Addresses that are not e-mail addresses are not in the answer.
     */
    public Set<String> optedOut(Collection<String> addresses) {
        String[] keys = addresses.stream().map(OptOuts::normalise).flatMap(Optional::stream).distinct().toArray(String[]::new);
        if (keys.length == 0) {
            return Set.of();
        }
        List<String> blocked = jdbc.sql("select address_key from mail_opt_out where address_key = any(:keys)")
                .param("keys", keys).query(String.class).list();
        return new HashSet<>(blocked);
    }

    /** The person asked not to receive mail again. */
    @Transactional
    public OptOutOutcome unsubscribe(String address, @Nullable String source) {
        return block(address, OptOutReason.UNSUBSCRIBED, 0, source, null);
    }

    /** A permanent delivery failure (status 5.x.x) blocks the address at once. */
    @Transactional
    public OptOutOutcome hardBounce(String address, @Nullable String source, @Nullable String status) {
        return block(address, OptOutReason.HARD_BOUNCE, 0, source, status);
    }

    /** A spam report (ARF feedback) blocks the address at once. */
    @Transactional
    public OptOutOutcome complaint(String address, @Nullable String source, @Nullable String feedbackType) {
        return block(address, OptOutReason.COMPLAINT, 0, source, feedbackType);
    }

    /** A temporary delivery failure (status 4.x.x) is counted; the {@value #SOFT_BOUNCES_TO_BLOCK}rd blocks the address. */
    @Transactional
    public OptOutOutcome softBounce(String address, @Nullable String source, @Nullable String status) {
        String key = key(address);
        Instant now = clock.instant();
        if (touch(key, now)) {
            return OptOutOutcome.ALREADY_BLOCKED;
        }
        int bounces = jdbc.sql("""
                        insert into mail_soft_bounce (address_key, bounces, first_event_at, last_event_at, source, detail)
                        values (:key, 1, :now, :now, :source, :detail)
                        on conflict (address_key) do update set bounces = mail_soft_bounce.bounces + 1,
                            last_event_at = greatest(mail_soft_bounce.last_event_at, excluded.last_event_at),
                            source = coalesce(excluded.source, mail_soft_bounce.source),
                            detail = coalesce(excluded.detail, mail_soft_bounce.detail)
                        returning bounces""")
                .param("key", key).param("now", timestamp(now)).param("source", shorten(source)).param("detail", shorten(status))
                .query(Integer.class).single();
        if (bounces < SOFT_BOUNCES_TO_BLOCK) {
            return OptOutOutcome.COUNTED;
        }
        return block(key, OptOutReason.SOFT_BOUNCES, bounces, source, status);
    }

    private OptOutOutcome block(String address, OptOutReason reason, int softBounces, @Nullable String source, @Nullable String detail) {
        String key = key(address);
        Instant now = clock.instant();
        boolean inserted = jdbc.sql("""
                        insert into mail_opt_out (address_key, reason, soft_bounces, first_event_at, last_event_at, source, detail)
                        values (:key, :reason, :soft, :now, :now, :source, :detail)
                        on conflict (address_key) do update
                            set last_event_at = greatest(mail_opt_out.last_event_at, excluded.last_event_at)
                        returning (xmax = 0)""")
                .param("key", key).param("reason", reason.name()).param("soft", softBounces).param("now", timestamp(now))
                .param("source", shorten(source)).param("detail", shorten(detail))
                .query(Boolean.class).single();
        if (!inserted) {
            return OptOutOutcome.ALREADY_BLOCKED;
        }
        jdbc.sql("delete from mail_soft_bounce where address_key = :key").param("key", key).update();
        contacts.block(List.of(key), reason.contactStatus(), reason == OptOutReason.UNSUBSCRIBED || reason == OptOutReason.COMPLAINT
                ? "desinscription" : "retours-courrier");
        events.publishEvent(new AddressBlocked(key, reason, shorten(source), now));
        return OptOutOutcome.BLOCKED;
    }

    /** Moves a blocked address's last event time; false when it is not blocked. */
    private boolean touch(String key, Instant now) {
        return jdbc.sql("update mail_opt_out set last_event_at = greatest(last_event_at, :now) where address_key = :key")
                .param("now", timestamp(now)).param("key", key).update() > 0;
    }

    private static String key(String address) {
        return normalise(address).orElseThrow(() -> new IllegalArgumentException("Not an e-mail address"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable String shorten(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= MAX_TEXT_LENGTH ? stripped : stripped.substring(0, MAX_TEXT_LENGTH);
    }

    private static OptOut optOut(ResultSet rs, int row) throws SQLException {
        return new OptOut(rs.getString(1), OptOutReason.valueOf(rs.getString(2)), rs.getInt(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getString(6), rs.getString(7));
    }
}

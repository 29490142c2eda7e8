package fr.passerelle.offer.internal;

import fr.passerelle.base.DisplayFormats;
import fr.passerelle.mail.InvalidMailAddressException;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.partner.EmailStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires open offers whose deadline has passed and reminds their contact before it. An open offer's
 * deadline is the end of its end date (Paris time), or {@link #INACTIVITY} after its company last updated
 * it, whichever comes first ({@link #DEADLINE}, the rule's one writing). Its contact is e-mailed
 * {@link Reminder#SEVEN_DAYS} and {@link Reminder#ONE_DAY} before, through the mail outbox.
 *
 * <p>Correct with several instances on one database even without ShedLock (which only spares the duplicate
 * work): each offer is claimed with {@code FOR NO KEY UPDATE SKIP LOCKED} in its own transaction and checked
 * again there; a reminder is an {@code offer_reminder} row (its key: offer, deadline day, reminder) written
 * in the transaction that enqueues the mail under the same key, so it is decided and sent once. An
 * extension moves the deadline day, so its reminders are new ones. Only the reminder whose window the present
 * falls in is due: one missed while the application was down is still sent before the deadline, but once
 * the last day's window opens only the last one is.
 */
@Component
class OfferExpiryJob {

    /** An open offer its company has not updated for this long expires. */
    static final Duration INACTIVITY = ExpiringOffers.INACTIVITY;

    private static final Logger log = LoggerFactory.getLogger(OfferExpiryJob.class);

    /** Offers listed at once; each is then claimed and handled in a transaction of its own. */
    private static final int BATCH = 200;

    /** The deadline of the offer aliased {@code o}; {@code least} ignores a missing end date. */
    private static final String DEADLINE = """
            least(((o.end_date + 1)::timestamp at time zone 'Europe/Paris'),
                  o.last_company_update_at + make_interval(secs => :inactivitySeconds))""";

    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final ExpiringOffers offers;
    private final MailOutbox outbox;
    private final OfferReminderMail mails;
    private final Clock clock;

    OfferExpiryJob(PlatformTransactionManager transactions, JdbcClient jdbc, ExpiringOffers offers, MailOutbox outbox,
                   OfferReminderMail mails, Clock clock) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.offers = offers;
        this.outbox = outbox;
        this.mails = mails;
        this.clock = clock;
    }

    @Scheduled(cron = "${passerelle.offer.expiry-cron:0 */15 * * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "offer-expiry", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void onSchedule() {
        run(clock.instant());
    }

    /** What one run did: offers expired, reminder mails enqueued. */
    record Result(int expired, int reminded) {
    }

    /** Expires what is due at {@code now}, then sends the reminders due at {@code now}. */
    Result run(Instant now) {
        var result = new Result(expireDue(now), remindDue(now));
        if (result.expired() + result.reminded() > 0) {
            log.info("Offer expiry: {} offers expired, {} reminders enqueued", result.expired(), result.reminded());
        }
        return result;
    }

    /** Expires every open offer whose deadline has passed, one transaction each; returns how many. */
    int expireDue(Instant now) {
        var today = LocalDate.ofInstant(now, DisplayFormats.PARIS);
        var inactiveSince = at(now.minus(INACTIVITY));
        String expired = """
                from offer o
                where o.status = 'OPEN' and (o.end_date < :today or o.last_company_update_at <= :inactiveSince)""";
        return claimEach(passed -> jdbc.sql("select o.id " + expired + " and o.id <> all(:passed) limit :batch")
                        .param("today", today).param("inactiveSince", inactiveSince).param("passed", passed).param("batch", BATCH)
                        .query(Long.class).list(),
                id -> jdbc.sql("select o.id " + expired + " and o.id = :id for no key update skip locked")
                        .param("today", today).param("inactiveSince", inactiveSince).param("id", id)
                        .query(Long.class).optional(),
                id -> {
                    offers.expire(id);
                    log.info("Offer {} expired: its deadline has passed", id);
                    return true;
                });
    }

    /**
     * The open offers in a reminder's window at {@code :now} whose reminder for their present deadline day
     * was not decided yet, with which reminder is due: the last one once its window is open.
     */
    private static final String DUE_REMINDERS = """
            from offer o
            cross join lateral (select %s as deadline) d
            cross join lateral (
                select case when d.deadline - make_interval(secs => :lastBeforeSeconds) <= :now then '1d' else '7d' end as reminder,
                       ((d.deadline - interval '1 microsecond') at time zone 'Europe/Paris')::date as last_day) w
            join company c on c.id = o.company_id
            left join contact k on k.id = o.contact_id
            where o.status = 'OPEN'
              and (o.end_date < :firstDay or o.last_company_update_at <= :firstInactiveSince)
              and d.deadline > :now and d.deadline - make_interval(secs => :firstBeforeSeconds) <= :now
              and not exists (select 1 from offer_reminder r
                              where r.offer_id = o.id and r.deadline_day = w.last_day and r.reminder = w.reminder)
            """.formatted(DEADLINE);

    /** Sends the reminders due at {@code now}, one transaction each; returns how many mails were enqueued. */
    int remindDue(Instant now) {
        return claimEach(passed -> dueReminders("select o.id " + DUE_REMINDERS + " and o.id <> all(:passed) limit :batch", now)
                        .param("passed", passed).param("batch", BATCH).query(Long.class).list(),
                id -> dueReminders("""
                        select o.id, o.title, coalesce(nullif(btrim(c.trade_name), ''), c.legal_name) as company,
                               o.contact_id, k.email, k.email_status,
                               nullif(btrim(coalesce(k.first_name, '') || ' ' || coalesce(k.last_name, '')), '') as contact_name,
                               w.reminder, w.last_day
                        """ + DUE_REMINDERS + " and o.id = :id for no key update of o skip locked", now)
                        .param("id", id)
                        .query((rs, row) -> new Due(rs.getLong("id"), rs.getString("title"), rs.getString("company"),
                                rs.getObject("contact_id", Long.class), rs.getString("email"), rs.getString("email_status"),
                                rs.getString("contact_name"), Reminder.of(rs.getString("reminder")),
                                rs.getObject("last_day", LocalDate.class)))
                        .optional(),
                due -> remind(due, now).filter(outcome -> outcome == Outcome.MAILED).isPresent());
    }

    private JdbcClient.StatementSpec dueReminders(String sql, Instant now) {
        return jdbc.sql(sql)
                .param("now", at(now))
                .param("inactivitySeconds", INACTIVITY.toSeconds())
                .param("firstBeforeSeconds", Reminder.SEVEN_DAYS.before.toSeconds())
                .param("lastBeforeSeconds", Reminder.ONE_DAY.before.toSeconds())
                // The first window again, written so that the partial indexes on end date and last update serve it.
                .param("firstDay", LocalDate.ofInstant(now.plus(Reminder.SEVEN_DAYS.before), DisplayFormats.PARIS))
                .param("firstInactiveSince", at(now.minus(INACTIVITY).plus(Reminder.SEVEN_DAYS.before)));
    }

    /** Decides the reminder and enqueues its mail; empty when another instance decided it meanwhile. */
    private Optional<Outcome> remind(Due due, Instant now) {
        Outcome outcome = due.contactId() == null ? Outcome.NO_CONTACT
                : due.email() == null || due.email().isBlank() ? Outcome.NO_EMAIL
                : !EmailStatus.ACTIVE.name().equals(due.emailStatus()) ? Outcome.EMAIL_BLOCKED
                : Outcome.MAILED;
        boolean claimed = jdbc.sql("""
                        insert into offer_reminder (offer_id, reminder, deadline_day, outcome, decided_at)
                        values (:offer, :reminder, :day, :outcome, :now)
                        on conflict do nothing""")
                .param("offer", due.offerId()).param("reminder", due.reminder().code).param("day", due.lastDay())
                .param("outcome", outcome.name()).param("now", at(now)).update() == 1;
        if (!claimed) {
            return Optional.empty();
        }
        if (outcome == Outcome.MAILED) {
            try {
                outbox.enqueue("offer.reminder", mails.reminder(due), dedupKey(due));
                return Optional.of(outcome);
            } catch (InvalidMailAddressException e) {
                outcome = Outcome.INVALID_ADDRESS;
                jdbc.sql("update offer_reminder set outcome = :outcome where offer_id = :offer and reminder = :reminder and deadline_day = :day")
                        .param("outcome", outcome.name()).param("offer", due.offerId()).param("reminder", due.reminder().code)
                        .param("day", due.lastDay()).update();
            }
        }
        log.info("Offer {}: {} reminder for {} not sent, {} (contact {})", due.offerId(), due.reminder().code,
                DisplayFormats.date(due.lastDay()), outcome, due.contactId());
        return Optional.of(outcome);
    }

    /** {@code offer-reminder:42:7d:2026-12-01}: one message per offer, reminder and deadline day. */
    static String dedupKey(Due due) {
        return "offer-reminder:" + due.offerId() + ":" + due.reminder().code + ":" + due.lastDay();
    }

    /**
     * Handles every offer {@code candidates} lists (read in batches, without locks), each in its own
     * transaction that first claims it again with {@code claim} (the same conditions, the row locked,
     * {@code SKIP LOCKED}: empty when another instance holds it or it no longer qualifies). An offer whose
     * handling fails is logged and passed over for the rest of the run, so that it holds up no other.
     * Returns how many handlings answered true.
     */
    private <T> int claimEach(Function<Long[], List<Long>> candidates, LongFunction<Optional<T>> claim, Predicate<T> handle) {
        Set<Long> passed = new HashSet<>();
        int counted = 0;
        for (List<Long> batch = candidates.apply(new Long[0]); !batch.isEmpty();
             batch = candidates.apply(passed.toArray(Long[]::new))) {
            for (long id : batch) {
                try {
                    Boolean done = transaction.execute(status -> claim.apply(id).map(handle::test).orElse(null));
                    if (done == null) {
                        passed.add(id);
                    } else if (done) {
                        counted++;
                    }
                } catch (RuntimeException e) {
                    log.error("Offer expiry: offer {} is passed over in this run", id, e);
                    passed.add(id);
                }
            }
        }
        return counted;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A reminder due: the offer, its company, its contact's address and the last day it is open. */
    record Due(long offerId, String title, String company, @Nullable Long contactId, @Nullable String email,
               @Nullable String emailStatus, @Nullable String contactName, Reminder reminder, LocalDate lastDay) {
    }

    /** What became of a reminder. */
    enum Outcome { MAILED, NO_CONTACT, NO_EMAIL, EMAIL_BLOCKED, INVALID_ADDRESS }

    /** The reminders, first to last, and how long before the deadline each one's window opens. */
    enum Reminder {
        SEVEN_DAYS("7d", Duration.ofDays(7)),
        ONE_DAY("1d", Duration.ofDays(1));

        final String code;
        final Duration before;

        Reminder(String code, Duration before) {
            this.code = code;
            this.before = before;
        }

        static Reminder of(String code) {
            for (Reminder reminder : values()) {
                if (reminder.code.equals(code)) {
                    return reminder;
                }
            }
            throw new IllegalArgumentException(code);
        }
    }
}

package fr.passerelle.offer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.PublicAddress;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.offer.OfferDetails;
import fr.passerelle.offer.OfferException;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.offer.OfferService;
import fr.passerelle.offer.OfferStatus;
import fr.passerelle.offer.OfferStatusChanged;
import fr.passerelle.offer.OfferUpdated;
import fr.passerelle.offer.StatusChange;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The expiry job on the real database and the in-process SMTP server, run at chosen instants. Other tests'
 * offers share the database, so every check names this test's offers and recipients.
 */
@RecordApplicationEvents
class OfferExpiryJobTest extends IntegrationTest {

    @Autowired
    OfferExpiryJob job;
    @Autowired
    OfferService offers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    PublicAddress publicAddress;
    @Autowired
    ApplicationEvents events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ExpiringOffers expiringOffers;
    @Autowired
    MailOutbox outbox;
    @Autowired
    OfferReminderMail mails;
    @Autowired
    OfferHistory history;

    OfferFixtures fixtures;
    /** Today in Paris, as the offers' start dates are. */
    LocalDate today;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(jdbc, users);
        today = DisplayFormats.today();
    }

    @Test
    void anOpenOfferExpiresAtTheEndOfItsEndDateInParisAndNotBefore() {
        long id = offer("Cariste", null, today.plusDays(3), Instant.now());
        Instant endOfDay = today.plusDays(4).atStartOfDay(DisplayFormats.PARIS).toInstant();

        job.run(endOfDay.minusSeconds(1));
        assertThat(status(id)).isEqualTo(OfferStatus.OPEN);

        job.run(endOfDay);
        assertThat(status(id)).isEqualTo(OfferStatus.EXPIRED);
        assertExpiredBySystem(id);
    }

    @Test
    void anOpenOfferExpiresNinetyDaysAfterItsCompanyLastUpdatedIt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant lastUpdate = now.minus(90, ChronoUnit.DAYS).plusSeconds(60);
        long id = offer("Préparateur de commandes", null, null, lastUpdate);

        job.run(now);
        assertThat(status(id)).isEqualTo(OfferStatus.OPEN);

        job.run(now.plusSeconds(60));
        assertThat(status(id)).isEqualTo(OfferStatus.EXPIRED);
        assertExpiredBySystem(id);
        job.run(now.plusSeconds(120));
        assertThat(history(id)).as("expired once").hasSize(2);
    }

    @Test
    void theContactIsRemindedSevenDaysAndOneDayBeforeTheEndDateInFrenchOnceEach() throws Exception {
        String email = address();
        LocalDate end = today.plusDays(10);
        long id = offer("Soudeur TIG", email, end, Instant.now());
        Instant deadline = end.plusDays(1).atStartOfDay(DisplayFormats.PARIS).toInstant();

        job.run(deadline.minus(7, ChronoUnit.DAYS).minusSeconds(1));
        assertThat(outboxKeys(id)).isEmpty();

        job.run(deadline.minus(7, ChronoUnit.DAYS));
        MimeMessage first = awaitMails(email, 1).getFirst();
        assertThat(first.getSubject()).isEqualTo("Votre offre « Soudeur TIG » expire le " + DisplayFormats.date(end));
        String body = (String) first.getContent();
        assertThat(body).startsWith("Bonjour Camille Roux,")
                .contains("Votre offre « Soudeur TIG » (Métallerie Expiry), publiée sur Passerelle, expire le " + DisplayFormats.date(end))
                .contains("prolongez-la en un clic")
                .doesNotContain("!offer.");
        assertThat(body.lines()).as("the link alone on its line").contains(publicAddress.base() + "/portail/espace/offres/" + id + "/prolonger");
        assertThat(mails.extensionLink(id).toString()).startsWith(publicAddress.base() + "/")
                .isEqualTo(publicAddress.base() + "/portail/espace/offres/" + id + "/prolonger");

        job.run(deadline.minus(7, ChronoUnit.DAYS));
        job.run(deadline.minus(3, ChronoUnit.DAYS));
        assertThat(outboxKeys(id)).containsExactly("offer-reminder:" + id + ":7d:" + end);

        job.run(deadline.minus(1, ChronoUnit.DAYS));
        List<MimeMessage> both = awaitMails(email, 2);
        assertThat(both.get(1).getSubject()).isEqualTo("Dernier rappel : votre offre « Soudeur TIG » expire le " + DisplayFormats.date(end));
        assertThat((String) both.get(1).getContent()).contains("expire dans moins de 24 heures, le " + DisplayFormats.date(end));

        job.run(deadline.minus(1, ChronoUnit.HOURS));
        job.run(deadline);
        assertThat(status(id)).isEqualTo(OfferStatus.EXPIRED);
        assertThat(outboxKeys(id)).containsExactly("offer-reminder:" + id + ":1d:" + end, "offer-reminder:" + id + ":7d:" + end);
        assertNoMoreMailsThan(email, 2);
    }

    @Test
    void theNinetyDayDeadlineIsRemindedWithTheDayItRunsOut() throws Exception {
        String email = address();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant lastUpdate = now.minus(83, ChronoUnit.DAYS);
        long id = offer("Magasinier", email, null, lastUpdate);
        LocalDate lastDay = LocalDate.ofInstant(lastUpdate.plus(90, ChronoUnit.DAYS), DisplayFormats.PARIS);

        job.run(now);

        assertThat(awaitMails(email, 1).getFirst().getSubject()).isEqualTo("Votre offre « Magasinier » expire le " + DisplayFormats.date(lastDay));
        assertThat(outboxKeys(id)).containsExactly("offer-reminder:" + id + ":7d:" + lastDay);
    }

    @Test
    void aFirstReminderMissedWhileDownIsSentLateButNeverBesideTheLastOne() throws Exception {
        String late = address();
        String later = address();
        LocalDate end = today.plusDays(10);
        Instant deadline = end.plusDays(1).atStartOfDay(DisplayFormats.PARIS).toInstant();
        long lateOffer = offer("Plombier", late, end, Instant.now());

        // Down for the first two days of the first window: the first reminder goes on the third.
        job.run(deadline.minus(5, ChronoUnit.DAYS));
        assertThat(awaitMails(late, 1).getFirst().getSubject()).startsWith("Votre offre « Plombier »");

        // This one was entered while the job was down until the last day's window had opened.
        long laterOffer = offer("Électricien", later, end, Instant.now());
        job.run(deadline.minus(20, ChronoUnit.HOURS));

        assertThat(outboxKeys(laterOffer)).as("only the last one").containsExactly("offer-reminder:" + laterOffer + ":1d:" + end);
        assertThat(awaitMails(later, 1).getFirst().getSubject()).startsWith("Dernier rappel : votre offre « Électricien »");
        assertThat(outboxKeys(lateOffer)).containsExactly("offer-reminder:" + lateOffer + ":1d:" + end, "offer-reminder:" + lateOffer + ":7d:" + end);
        assertNoMoreMailsThan(later, 1);
        assertNoMoreMailsThan(late, 2);
    }

    @Test
    void twoInstancesRunningConcurrentlyOnOneDatabaseSendEachReminderOnce() throws Exception {
        LocalDate end = today.plusDays(6);
        List<String> recipients = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String email = address();
            recipients.add(email);
            ids.add(offer("Poste " + i, email, end, Instant.now()));
        }
        Instant now = end.atStartOfDay(DisplayFormats.PARIS).toInstant().minus(2, ChronoUnit.DAYS);
        var clock = Clock.fixed(now, ZoneOffset.UTC);
        var first = new OfferExpiryJob(transactions, jdbc, expiringOffers, outbox, mails, clock);
        var second = new OfferExpiryJob(transactions, jdbc, expiringOffers, outbox, mails, clock);
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (OfferExpiryJob instance : List.of(first, second)) {
            runs.add(pool.submit(() -> {
                barrier.await();
                instance.onSchedule();
                instance.onSchedule();
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        for (String email : recipients) {
            assertThat(awaitMails(email, 1)).hasSize(1);
        }
        Thread.sleep(500);
        for (String email : recipients) {
            assertThat(mailsTo(email)).as(email).hasSize(1);
        }
        for (long id : ids) {
            assertThat(outboxKeys(id)).containsExactly("offer-reminder:" + id + ":7d:" + end);
        }
    }

    @Test
    void anExtensionMovesTheDeadlineAndItsRemindersAreKeyedToTheNewOne() throws Exception {
        String email = address();
        LocalDate end = today.plusDays(10);
        long id = offer("Agent d’entretien", email, end, Instant.now());
        Instant deadline = end.plusDays(1).atStartOfDay(DisplayFormats.PARIS).toInstant();
        job.run(deadline.minus(6, ChronoUnit.DAYS));
        awaitMails(email, 1);
        long version = fixtures.as("admin", () -> offers.require(id)).version();
        events.clear();

        OfferDetails extended = fixtures.as("referent", () -> offers.extend(id));

        LocalDate newEnd = DisplayFormats.today().plusDays(90);
        assertThat(extended.endDate()).isEqualTo(newEnd);
        assertThat(extended.status()).isEqualTo(OfferStatus.OPEN);
        assertThat(extended.version()).isGreaterThan(version);
        Instant extendedAt = extended.lastCompanyUpdateAt();
        assertThat(extendedAt).isAfter(Instant.now().minusSeconds(60));
        assertThat(history(id)).as("not a move").hasSize(1);
        assertThat(events.stream(OfferUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.offerId()).isEqualTo(id));
        assertThat(auditedEndDates(id)).as("the creation, then the extension").hasSize(2).last().isEqualTo(newEnd);

        Instant newDeadline = extendedAt.plus(90, ChronoUnit.DAYS);
        LocalDate newLastDay = LocalDate.ofInstant(newDeadline, DisplayFormats.PARIS);
        job.run(deadline);
        assertThat(status(id)).as("the old deadline no longer counts").isEqualTo(OfferStatus.OPEN);
        job.run(newDeadline.minus(7, ChronoUnit.DAYS));

        List<MimeMessage> received = awaitMails(email, 2);
        assertThat(received.get(1).getSubject()).isEqualTo("Votre offre « Agent d’entretien » expire le " + DisplayFormats.date(newLastDay));
        assertThat(outboxKeys(id)).containsExactly("offer-reminder:" + id + ":7d:" + end, "offer-reminder:" + id + ":7d:" + newLastDay);
    }

    @Test
    void anExtensionOfAnOfferWithoutEndDateRestartsItsNinetyDaysAndIsAudited() {
        Instant longAgo = Instant.now().minus(80, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        long id = offer("Serveur", null, null, longAgo);
        // As if it had been entered so, 80 days ago: its audit trail says the same.
        jdbc.sql("update offer_aud set end_date = null, last_company_update_at = :at where id = :id")
                .param("at", longAgo.atOffset(ZoneOffset.UTC)).param("id", id).update();
        int revisions = auditedEndDates(id).size();

        OfferDetails extended = fixtures.as("admin", () -> offers.extend(id));

        assertThat(extended.endDate()).isNull();
        assertThat(extended.lastCompanyUpdateAt()).isAfter(longAgo.plus(79, ChronoUnit.DAYS));
        assertThat(auditedEndDates(id)).as("a revision although only the company update moved").hasSize(revisions + 1);
        long company = jdbc.sql("select company_id from offer where id = :id").param("id", id).query(Long.class).single();
        assertThat(fixtures.as("admin", () -> history.history(company)).getLast().fields())
                .as("the company's history shows it")
                .singleElement().satisfies(field -> {
                    assertThat(field.labelKey()).isEqualTo("offer.expiry.field.company-update");
                    assertThat(field.after()).isEqualTo(DisplayFormats.dateTime(extended.lastCompanyUpdateAt()));
                });
        job.run(longAgo.plus(90, ChronoUnit.DAYS).plusSeconds(1));
        assertThat(status(id)).isEqualTo(OfferStatus.OPEN);
    }

    @Test
    void onlyAnOpenOfferIsExtendedAndOnlyByStaffOfItsDisp() {
        long id = offer("Cuisinier", null, today.plusDays(2), Instant.now());
        assertThatThrownBy(() -> fixtures.as("communication", () -> offers.extend(id))).isInstanceOf(AccessDeniedException.class);

        job.run(today.plusDays(3).atStartOfDay(DisplayFormats.PARIS).toInstant());
        assertThat(status(id)).isEqualTo(OfferStatus.EXPIRED);
        assertThatThrownBy(() -> fixtures.as("referent", () -> offers.extend(id)))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("offer.expiry.error.not-open"));

        long paris = fixtures.company("Boulangerie Parisienne", "75");
        long other = fixtures.as("admin", () -> offers.create(OfferFixtures.job(paris, "Boulanger", "75", null))).id();
        assertThatThrownBy(() -> fixtures.as("referent", () -> offers.extend(other))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOfferWithoutAUsableContactAddressExpiresWithoutMail() throws Exception {
        LocalDate end = today.plusDays(5);
        long noEmail = offer("Maçon", null, end, Instant.now());
        String bouncedAddress = address();
        long bounced = offer("Couvreur", bouncedAddress, end, Instant.now());
        jdbc.sql("update contact set email_status = 'BOUNCED' where id = (select contact_id from offer where id = :id)")
                .param("id", bounced).update();
        long noContact = offer("Peintre", null, end, Instant.now());
        jdbc.sql("update offer set contact_id = null where id = :id").param("id", noContact).update();
        Instant deadline = end.plusDays(1).atStartOfDay(DisplayFormats.PARIS).toInstant();

        job.run(deadline.minus(6, ChronoUnit.DAYS));
        job.run(deadline.minus(12, ChronoUnit.HOURS));
        job.run(deadline);

        for (long id : List.of(noEmail, bounced, noContact)) {
            assertThat(status(id)).isEqualTo(OfferStatus.EXPIRED);
            assertThat(outboxKeys(id)).isEmpty();
        }
        assertThat(reminderOutcomes(noEmail)).containsExactly("1d NO_EMAIL", "7d NO_EMAIL");
        assertThat(reminderOutcomes(bounced)).containsExactly("1d EMAIL_BLOCKED", "7d EMAIL_BLOCKED");
        assertThat(reminderOutcomes(noContact)).containsExactly("1d NO_CONTACT", "7d NO_CONTACT");
        assertNoMoreMailsThan(bouncedAddress, 0);
    }

    private long offer(String title, @Nullable String email, @Nullable LocalDate end, Instant lastCompanyUpdate) {
        long company = fixtures.company("Métallerie Expiry", "21");
        long contact = fixtures.contact(company, "Roux");
        jdbc.sql("update contact set email = :email where id = :id").param("email", email).param("id", contact).update();
        long id = fixtures.as("referent", () -> offers.create(OfferFixtures.job(company, title, "21", contact))).id();
        jdbc.sql("update offer set start_date = least(start_date, :end), end_date = :end, last_company_update_at = :at where id = :id")
                .param("end", end).param("at", lastCompanyUpdate.atOffset(ZoneOffset.UTC)).param("id", id).update();
        return id;
    }

    private OfferStatus status(long id) {
        return OfferStatus.valueOf(jdbc.sql("select status from offer where id = :id").param("id", id).query(String.class).single());
    }

    /** Read as an administrator: the job itself runs signed out, as on its scheduler thread. */
    private List<StatusChange> history(long id) {
        return fixtures.as("admin", () -> offers.statusHistory(id));
    }

    private void assertExpiredBySystem(long id) {
        List<StatusChange> history = history(id);
        assertThat(history).first().satisfies(change -> {
            assertThat(change.from()).isEqualTo(OfferStatus.OPEN);
            assertThat(change.to()).isEqualTo(OfferStatus.EXPIRED);
            assertThat(change.changedBy()).isEqualTo("job:offer-expiry");
        });
        assertThat(events.stream(OfferStatusChanged.class).filter(e -> e.offerId() == id)).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(OfferStatus.EXPIRED));
        assertThat(jdbc.sql("""
                        select a.status || ' ' || coalesce(r.username, '') from offer_aud a join audit_revision r on r.id = a.rev
                        where a.id = :id order by a.rev desc limit 1""").param("id", id).query(String.class).single())
                .isEqualTo("EXPIRED system");
    }

    private List<LocalDate> auditedEndDates(long id) {
        return jdbc.sql("select end_date from offer_aud where id = :id order by rev").param("id", id)
                .query((rs, row) -> rs.getObject(1, LocalDate.class)).list();
    }

    private List<String> outboxKeys(long offerId) {
        return jdbc.sql("select dedup_key from mail_outbox where dedup_key like :prefix order by dedup_key")
                .param("prefix", "offer-reminder:" + offerId + ":%").query(String.class).list();
    }

    private List<String> reminderOutcomes(long offerId) {
        return jdbc.sql("select reminder || ' ' || outcome from offer_reminder where offer_id = :id order by reminder")
                .param("id", offerId).query(String.class).list();
    }

    private static String address() {
        return "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    private List<MimeMessage> mailsTo(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtpServer.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email))) {
                found.add(message);
            }
        }
        return found;
    }

    /** The mails to that address once there are {@code count}, in the order received (the outbox delivers after commit). */
    private List<MimeMessage> awaitMails(String email, int count) throws Exception {
        for (int i = 0; i < 100 && mailsTo(email).size() < count; i++) {
            Thread.sleep(100);
        }
        List<MimeMessage> found = mailsTo(email);
        assertThat(found).as("mails to " + email).hasSize(count);
        return found;
    }

    private void assertNoMoreMailsThan(String email, int count) throws Exception {
        Thread.sleep(500);
        assertThat(mailsTo(email)).as("mails to " + email).hasSize(count);
    }
}

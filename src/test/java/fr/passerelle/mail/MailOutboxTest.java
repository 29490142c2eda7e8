package fr.passerelle.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on the real database and the in-process SMTP server: sent once, after the commit, whatever happens. */
class MailOutboxTest extends IntegrationTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxDelivery delivery;
    @Autowired
    MailService mailService;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transaction;

    @BeforeEach
    void emptyEverything() throws Exception {
        transaction = new TransactionTemplate(transactionManager);
        // The application's own worker may still be delivering a previous test's mail.
        jdbc.sql("update mail_outbox set status = 'FAILED' where status = 'PENDING'").update();
        for (int i = 0; i < 50 && count("status = 'SENDING'") > 0; i++) {
            Thread.sleep(100);
        }
        jdbc.sql("delete from mail_outbox").update();
        smtpServer.purgeEmailFromAllMailboxes();
    }

    @Test
    void aMailEnqueuedInACommittedTransactionIsSentOnceWithItsMessageId() throws Exception {
        long id = transaction.execute(status -> outbox.enqueue("test.hello",
                OutgoingMail.text("camille@exemple.fr", "Bonjour « Camille »", "Texte"), null).orElseThrow());

        assertThat(smtpServer.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtpServer.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Bonjour « Camille »");
        awaitStatus(id, "SENT");
        assertThat(jdbc.sql("select message_id from mail_outbox where id = :id").param("id", id).query(String.class).single())
                .isEqualTo(received.getMessageID());
        assertThat(delivery.deliverDue()).as("nothing left to send").isZero();
        assertThat(smtpServer.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        transaction.executeWithoutResult(status -> {
            outbox.enqueue("test.rollback", OutgoingMail.text("camille@exemple.fr", "Jamais", "Texte"), null);
            status.setRollbackOnly();
        });
        assertThat(delivery.deliverDue()).isZero();
        assertThat(smtpServer.waitForIncomingEmail(300, 1)).isFalse();
        assertThat(count("true")).isZero();
    }

    @Test
    void aSecondMailWithTheSameKeyIsDropped() throws Exception {
        var mail = OutgoingMail.text("camille@exemple.fr", "Rappel", "Texte");
        Optional<Long> first = transaction.execute(status -> outbox.enqueue("test.reminder", mail, "reminder:42:7d"));
        Optional<Long> second = transaction.execute(status -> outbox.enqueue("test.reminder", mail, "reminder:42:7d"));
        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        delivery.deliverDue();
        assertThat(smtpServer.waitForIncomingEmail(5000, 1)).isTrue();
        Thread.sleep(200);
        assertThat(smtpServer.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aBadAddressIsRefusedToTheCallerAndNothingIsRecorded() {
        assertThatThrownBy(() -> transaction.execute(status ->
                outbox.enqueue("test.bad", OutgoingMail.text("pas-une-adresse", "Sujet", "Texte"), null)))
                .isInstanceOf(InvalidMailAddressException.class);
        assertThat(count("true")).isZero();
    }

    @Test
    void enqueueingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.enqueue("test.none", OutgoingMail.text("camille@exemple.fr", "Sujet", "Texte"), null))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void aTemporaryFailureIsRetriedWithBackOffThenSent() throws Exception {
        var unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(1);
        var failing = delivery(new MailService(unreachable, MailServerInfo.embedded("127.0.0.1", 1), "Passerelle <ne-pas-repondre@passerelle.local>"),
                OutboxDelivery.Settings.defaults().withMaxAttempts(3));
        long id = enqueueWithoutWakingUp("test.retry", "dominique@exemple.fr");

        assertThat(failing.deliverDue()).isZero();
        Map<String, Object> row = jdbc.sql("select status, attempts, next_attempt_at > now() + interval '50 seconds' as later, last_error from mail_outbox where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1).containsEntry("later", true);
        assertThat(row.get("last_error")).isNotNull();
        assertThat(delivery.deliverDue()).as("not due yet").isZero();

        jdbc.sql("update mail_outbox set next_attempt_at = now() where id = :id").param("id", id).update();
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(smtpServer.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(jdbc.sql("select attempts from mail_outbox where id = :id").param("id", id).query(Integer.class).single()).isEqualTo(2);
        assertThat(failing.backOff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(failing.backOff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(failing.backOff(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        var unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(1);
        var failing = delivery(new MailService(unreachable, MailServerInfo.embedded("127.0.0.1", 1), "Passerelle <ne-pas-repondre@passerelle.local>"),
                OutboxDelivery.Settings.defaults().withMaxAttempts(2));
        long id = enqueueWithoutWakingUp("test.give-up", "dominique@exemple.fr");
        failing.deliverDue();
        jdbc.sql("update mail_outbox set next_attempt_at = now() where id = :id").param("id", id).update();
        failing.deliverDue();
        assertThat(jdbc.sql("select status from mail_outbox where id = :id").param("id", id).query(String.class).single()).isEqualTo("FAILED");
    }

    @Test
    void aClaimLeftByAStoppedInstanceIsTakenAgainAfterTheStaleDelay() throws Exception {
        long id = enqueueWithoutWakingUp("test.stale", "alex@exemple.fr");
        jdbc.sql("update mail_outbox set status = 'SENDING', claimed_at = now() - interval '11 minutes', claimed_by = 'dead', attempts = 1 where id = :id")
                .param("id", id).update();
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(smtpServer.waitForIncomingEmail(5000, 1)).isTrue();
        awaitStatus(id, "SENT");
    }

    @Test
    void twoWorkersOnOneDatabaseSendEveryRecipientExactlyOnce() throws Exception {
        int recipients = 120;
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into mail_outbox (kind, recipients, subject, body_text)
                        select 'test.fan-out', array['destinataire' || n || '@exemple.fr'], 'Message ' || n, 'Texte'
                        from generate_series(1, :n) n
                        """).param("n", recipients).update());
        var first = delivery(mailService, OutboxDelivery.Settings.defaults().withBatchSize(5));
        var second = delivery(mailService, OutboxDelivery.Settings.defaults().withBatchSize(5));
        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (Callable<Integer> run : List.<Callable<Integer>>of(first::deliverDue, second::deliverDue)) {
            runs.add(pool.submit(run));
        }
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get();
        }
        pool.shutdown();
        first.destroy();
        second.destroy();

        // The application's own worker may have taken a share too: a third instance, as it were.
        assertThat(sent).isPositive().isLessThanOrEqualTo(recipients);
        assertThat(smtpServer.waitForIncomingEmail(10_000, recipients)).isTrue();
        Thread.sleep(300);
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : smtpServer.getReceivedMessages()) {
            perRecipient.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        assertThat(perRecipient).hasSize(recipients);
        assertThat(perRecipient.values()).containsOnly(1);
        assertThat(count("status = 'SENT'")).isEqualTo(recipients);
    }

    /** Another delivery worker on the same database, as a second instance would run it. */
    private OutboxDelivery delivery(MailService sender, OutboxDelivery.Settings settings) {
        return new OutboxDelivery(dataSource, sender, List.of(), event -> { }, settings);
    }

    private long enqueueWithoutWakingUp(String kind, String to) {
        // Written as the outbox writes it, but without the event: the test decides which worker delivers.
        return transaction.execute(status -> jdbc.sql("""
                        insert into mail_outbox (kind, recipients, subject, body_text) values (:kind, array[:to], 'Sujet', 'Texte') returning id
                        """).param("kind", kind).param("to", to).query(Long.class).single());
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from mail_outbox where " + where).query(Long.class).single();
    }

    private void awaitStatus(long id, String status) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (status.equals(jdbc.sql("select status from mail_outbox where id = :id").param("id", id).query(String.class).single())) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("select status from mail_outbox where id = :id").param("id", id).query(String.class).single()).isEqualTo(status);
    }
}

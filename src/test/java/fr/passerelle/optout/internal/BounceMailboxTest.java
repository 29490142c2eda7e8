package fr.passerelle.optout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.passerelle.IntegrationTest;
import fr.passerelle.optout.OptOutReason;
import fr.passerelle.optout.OptOuts;
import fr.passerelle.optout.UnsubscribeTokens;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bounce mailbox read over IMAP from the in-process GreenMail server, with real bounce messages in it. */
class BounceMailboxTest extends IntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static GreenMail imapServer;

    @Autowired
    BounceMailbox mailbox;
    @Autowired
    OptOuts optOuts;
    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    JdbcClient jdbc;

    private GreenMailUser user;
    private BounceMailboxSettings settings;
    private String run;

    @BeforeAll
    static void startImapServer() {
        imapServer = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        imapServer.start();
    }

    @AfterAll
    static void stopImapServer() {
        imapServer.stop();
    }

    @BeforeEach
    void ownMailbox() {
        run = Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
        String login = "bounces-" + run;
        user = imapServer.setUser(login + "@passerelle.local", login, "secret");
        settings = new BounceMailboxSettings("127.0.0.1", imapServer.getImap().getPort(), login, "secret", "INBOX", false, "");
    }

    @Test
    void hardAndSoftBouncesComplaintsAndMailtoUnsubscribesAreRecordedAndTheMessagesMarkedSeen() throws Exception {
        String hard = address("inconnu");
        String soft = address("lointain");
        String delayed = address("plein");
        String complained = address("plainte");
        String unsubscribing = address("partant");
        user.deliver(BounceMessages.hardBounce(messageId(), hard, tokens.headers(hard, 77).listUnsubscribe()));
        user.deliver(BounceMessages.softBounceAndDelay(messageId(), soft, delayed));
        user.deliver(BounceMessages.complaint(messageId(), complained, tokens.headers(complained, 78).listUnsubscribe()));
        user.deliver(BounceMessages.mailtoUnsubscribe(messageId(), unsubscribing.toUpperCase(),
                "desinscription " + tokens.issue(unsubscribing, 79)));
        user.deliver(BounceMessages.mailtoUnsubscribe(messageId(), "farceur@exemple.fr", "desinscription "
                + tokens.issue(address("autre"), 79).replaceFirst(".$", "x")));
        user.deliver(BounceMessages.autoReply(messageId()));

        BounceMailbox.Result result = mailbox.read(settings);

        assertThat(result).isEqualTo(new BounceMailbox.Result(6, 4, 0));
        assertThat(optOuts.find(hard).orElseThrow()).satisfies(o -> {
            assertThat(o.reason()).isEqualTo(OptOutReason.HARD_BOUNCE);
            assertThat(o.detail()).isEqualTo("5.1.1");
            assertThat(o.source()).as("the campaign, from the returned message's unsubscribe header").isEqualTo("campaign:77");
        });
        assertThat(optOuts.isOptedOut(soft)).as("one soft bounce does not block").isFalse();
        assertThat(softBounces(soft)).isEqualTo(1);
        assertThat(softBounces(delayed)).as("a delay warning counts for nothing").isZero();
        assertThat(optOuts.find(complained).orElseThrow()).satisfies(o -> {
            assertThat(o.reason()).isEqualTo(OptOutReason.COMPLAINT);
            assertThat(o.detail()).isEqualTo("abuse");
            assertThat(o.source()).isEqualTo("campaign:78");
        });
        assertThat(optOuts.find(unsubscribing).orElseThrow()).satisfies(o -> {
            assertThat(o.reason()).isEqualTo(OptOutReason.UNSUBSCRIBED);
            assertThat(o.source()).isEqualTo("campaign:79");
        });
        assertThat(optOuts.isOptedOut(address("autre"))).as("a forged token in a subject").isFalse();
        assertThat(unseenCount("INBOX")).isZero();
        assertThat(mailbox.read(settings)).as("nothing new").isEqualTo(new BounceMailbox.Result(0, 0, 0));
    }

    @Test
    void aMessageReadAgainAfterACrashBeforeItWasMarkedCountsNothingTwice() throws Exception {
        String soft = address("rerun");
        user.deliver(BounceMessages.softBounceAndDelay(messageId(), soft, address("delai")));
        mailbox.read(settings);
        assertThat(softBounces(soft)).isEqualTo(1);

        markAllUnseen();
        BounceMailbox.Result again = mailbox.read(settings);

        assertThat(again).isEqualTo(new BounceMailbox.Result(1, 0, 1));
        assertThat(softBounces(soft)).isEqualTo(1);
    }

    @Test
    void twoInstancesReadingTheMailboxAtOnceCountEachBounceOnce() throws Exception {
        String soft = address("deux");
        for (int i = 0; i < 2; i++) {
            user.deliver(BounceMessages.softBounceAndDelay(messageId(), soft, address("delai")));
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Callable<BounceMailbox.Result>> reads = List.of(() -> mailbox.read(settings), () -> mailbox.read(settings));
            List<BounceMailbox.Result> results = new ArrayList<>();
            for (Future<BounceMailbox.Result> result : instances.invokeAll(reads)) {
                results.add(result.get());
            }
            assertThat(results.stream().mapToInt(BounceMailbox.Result::recorded).sum()).isEqualTo(2);
        } finally {
            instances.shutdown();
        }
        assertThat(softBounces(soft)).isEqualTo(2);

        user.deliver(BounceMessages.softBounceAndDelay(messageId(), soft, address("delai")));
        mailbox.read(settings);
        assertThat(optOuts.find(soft).orElseThrow().reason()).as("the third blocks").isEqualTo(OptOutReason.SOFT_BOUNCES);
    }

    @Test
    void readMessagesMoveToTheProcessedFolderWhenOneIsSet() throws Exception {
        String hard = address("deplace");
        user.deliver(BounceMessages.hardBounce(messageId(), hard, "<mailto:ne-pas-repondre@passerelle.local>"));
        var moving = new BounceMailboxSettings(settings.host(), settings.port(), settings.user(), "secret", "INBOX", false, "Traites");

        assertThat(mailbox.read(moving)).isEqualTo(new BounceMailbox.Result(1, 1, 0));

        assertThat(optOuts.find(hard).orElseThrow().source()).as("no campaign named").isEqualTo("bounces");
        assertThat(messageCount("INBOX")).isZero();
        assertThat(messageCount("Traites")).isEqualTo(1);
    }

    private String address(String name) {
        return name + "." + run + "@exemple.fr";
    }

    private String messageId() {
        return "dsn." + run + "." + SEQUENCE.incrementAndGet() + "@mx.exemple.fr";
    }

    private int softBounces(String address) {
        return jdbc.sql("select coalesce((select bounces from mail_soft_bounce where address_key = :a), 0)")
                .param("a", address).query(Integer.class).single();
    }

    private int unseenCount(String folder) throws Exception {
        try (Store store = store()) {
            Folder inbox = store.getFolder(folder);
            inbox.open(Folder.READ_ONLY);
            int unseen = inbox.getUnreadMessageCount();
            inbox.close(false);
            return unseen;
        }
    }

    private int messageCount(String folder) throws Exception {
        try (Store store = store()) {
            Folder f = store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            int count = f.getMessageCount();
            f.close(false);
            return count;
        }
    }

    private void markAllUnseen() throws Exception {
        try (Store store = store()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                message.setFlag(Flags.Flag.SEEN, false);
            }
            inbox.close(false);
        }
    }

    private Store store() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", imapServer.getImap().getPort(), settings.user(), "secret");
        return store;
    }
}

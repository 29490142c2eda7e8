package fr.passerelle.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import fr.passerelle.IntegrationTest;
import fr.passerelle.campaign.internal.SegmentQueries;
import fr.passerelle.mail.MailStreamPaused;
import fr.passerelle.mail.MailStreams;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.optout.OptOuts;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.optout.UnsubscribeToken;
import fr.passerelle.optout.UnsubscribeTokens;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns sent for real: the application's own delivery worker sends to the in-process GreenMail server, the fan-out
 * runs from the event publication registry. Each test's segment is its own department filter plus a label only its
 * companies carry among those of the department, and the expected recipients are read from the segment just before
 * launching, so that whatever else is in the tables does not matter.
 */
class CampaignSendingTest extends IntegrationTest {

    private static final List<String> DEPARTMENTS = List.of("2A", "48", "23", "15", "05", "09", "90", "52", "55", "70", "43", "46");
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_DEPARTMENT = new java.util.concurrent.atomic.AtomicInteger();
    private static final Pattern TOKEN = Pattern.compile("desinscription/([A-Za-z0-9_.-]+)>");

    @Autowired
    CampaignService campaigns;
    @Autowired
    SegmentService segments;
    @Autowired
    TemplateService templates;
    @Autowired
    SegmentQueries queries;
    @Autowired
    MailStreams streams;
    @Autowired
    OptOuts optOuts;
    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    CampaignFanOut fanOut;
    @Autowired
    CampaignTransitions transitions;
    @Autowired
    IncompleteEventPublications publications;
    @Autowired
    GreenMail smtpServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationEventPublisher events;

    private OfferFixtures fixtures;
    private String word;
    private String department;

    @BeforeEach
    void fixtures() throws Exception {
        fixtures = new OfferFixtures(jdbc, users);
        fixtures.signIn("communication");
        word = "k" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        // A department of its own for each test of the class (they share the database): its segment is its alone.
        department = DEPARTMENTS.get(NEXT_DEPARTMENT.getAndIncrement() % DEPARTMENTS.size());
        smtpServer.purgeEmailFromAllMailboxes();
    }

    @Test
    void aLaunchedCampaignReachesEveryReachableContactOnceWithItsUnsubscribeHeaders() throws Exception {
        long first = company();
        contact(first, "Ana", word + "-ana@exemple.fr", "ACTIVE");
        contact(first, "Anabelle", word.toUpperCase() + "-ANA@exemple.fr", "ACTIVE");
        contact(first, "Parti", word + "-parti@exemple.fr", "UNSUBSCRIBED");
        contact(first, "Rejet", word + "-rejet@exemple.fr", "BOUNCED");
        contact(first, "Sans", null, "ACTIVE");
        contact(company(), "Bruno", word + "-bruno@exemple.fr", "ACTIVE");
        Campaign campaign = campaign(null);
        Set<String> expected = recipients(campaign);
        assertThat(expected).contains(word + "-ana@exemple.fr", word + "-bruno@exemple.fr")
                .doesNotContain(word + "-parti@exemple.fr", word + "-rejet@exemple.fr");

        campaigns.launch(campaign.id());

        awaitState(campaign.id(), CampaignState.SENT);
        Map<String, List<MimeMessage>> received = received(expected);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(received.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
        MimeMessage ana = received.get(word + "-ana@exemple.fr").getFirst();
        assertThat(ana.getSubject()).isEqualTo("Bonjour Ana");
        assertThat(text(ana)).contains("campagne=" + campaign.id()).contains("Envoyeur démo").contains(token(ana));
        assertThat(ana.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String listUnsubscribe = ana.getHeader("List-Unsubscribe")[0];
        assertThat(listUnsubscribe).startsWith("<http").contains("mailto:");
        Matcher token = TOKEN.matcher(listUnsubscribe);
        assertThat(token.find()).isTrue();
        assertThat(tokens.read(token.group(1))).contains(new UnsubscribeToken(word + "-ana@exemple.fr", campaign.id()));

        CampaignProgress progress = campaigns.progress(campaign.id());
        assertThat(progress.sent()).isEqualTo(expected.size());
        assertThat(progress.pending()).isZero();
        assertThat(campaigns.find(campaign.id()).orElseThrow().recipients()).isEqualTo(expected.size());
        assertThat(campaigns.history(campaign.id())).extracting(CampaignStateChange::to)
                .containsExactly(CampaignState.DRAFT, CampaignState.SENDING, CampaignState.SENT);
    }

    @Test
    void theRateHoldsAndCancellingStopsWhatIsPending() throws Exception {
        for (int i = 0; i < 20; i++) {
            contact(company(), "R" + i, word + "-r" + i + "@exemple.fr", "ACTIVE");
        }
        // 60 a minute: a burst of 10 at once, then one a second.
        Campaign campaign = campaign(60);
        int total = recipients(campaign).size();
        long start = System.nanoTime();
        campaigns.launch(campaign.id());
        awaitTrue(() -> campaigns.progress(campaign.id()).fannedOut());
        Thread.sleep(1500);
        long sent = campaigns.progress(campaign.id()).sent();
        assertThat(sent).isBetween(10L, 10L + elapsedSeconds(start) + 1);

        campaigns.cancel(campaign.id());
        CampaignProgress cancelled = campaigns.progress(campaign.id());
        assertThat(cancelled.state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(cancelled.cancelled()).isPositive();
        Thread.sleep(1500);
        CampaignProgress later = campaigns.progress(campaign.id());
        assertThat(later.sent()).as("at most the batches already claimed").isLessThanOrEqualTo(cancelled.sent() + 1);
        assertThat(later.sent() + later.cancelled()).isEqualTo(total);
        assertThat(received(recipients(word)).values().stream().mapToInt(List::size).sum()).isEqualTo((int) later.sent());
        assertThatThrownBy(() -> campaigns.resume(campaign.id())).isInstanceOf(CampaignException.class);
    }

    @Test
    void aPausedCampaignWaitsAndSendsTheRestOnceResumed() throws Exception {
        for (int i = 0; i < 12; i++) {
            contact(company(), "P" + i, word + "-p" + i + "@exemple.fr", "ACTIVE");
        }
        Campaign campaign = campaign(1);
        campaigns.launch(campaign.id());
        awaitTrue(() -> campaigns.progress(campaign.id()).fannedOut());
        campaigns.pause(campaign.id());
        CampaignProgress paused = campaigns.progress(campaign.id());
        assertThat(paused.state()).isEqualTo(CampaignState.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo("Mise en pause par Communication démo");
        // A message claimed just before the pause still goes (decision record 020); nothing after it.
        Thread.sleep(500);
        long sentWhenPaused = campaigns.progress(campaign.id()).sent();
        streams.setRate(campaign.stream(), null);
        Thread.sleep(800);
        assertThat(campaigns.progress(campaign.id()).sent()).as("nothing while paused").isEqualTo(sentWhenPaused);
        assertThat(sentWhenPaused).isLessThan(12);

        campaigns.resume(campaign.id());

        awaitState(campaign.id(), CampaignState.SENT);
        Map<String, List<MimeMessage>> received = received(recipients(word));
        assertThat(received).hasSize(12);
        assertThat(received.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
    }

    @Test
    void anAddressUnsubscribedBetweenFanOutAndSendingIsSkipped() throws Exception {
        for (int i = 0; i < 4; i++) {
            contact(company(), "U" + i, word + "-u" + i + "@exemple.fr", "ACTIVE");
        }
        // One a minute: one message leaves at once, the others wait for their token.
        Campaign campaign = campaign(1);
        campaigns.launch(campaign.id());
        awaitTrue(() -> campaigns.progress(campaign.id()).fannedOut());
        // Paused first, so that the address picked is still waiting when it unsubscribes, however busy the machine is.
        campaigns.pause(campaign.id());
        String pending = jdbc.sql("select recipients[1] from mail_outbox where stream = :stream and status = 'PENDING' order by id limit 1")
                .param("stream", campaign.stream()).query(String.class).single();
        optOuts.unsubscribe(pending, "test");
        // The rest at once (a resume wakes the delivery up; a rate change alone waits for the throttle's next token).
        streams.setRate(campaign.stream(), null);
        campaigns.resume(campaign.id());

        awaitState(campaign.id(), CampaignState.SENT);
        CampaignProgress progress = campaigns.progress(campaign.id());
        assertThat(progress.sent()).isEqualTo(3);
        assertThat(progress.skipped()).isEqualTo(1);
        assertThat(jdbc.sql("select last_error from mail_outbox where stream = :stream and status = 'SKIPPED'")
                .param("stream", campaign.stream()).query(String.class).single()).isEqualTo(CampaignComposer.OPTED_OUT);
        assertThat(received(Set.of(pending))).isEmpty();
    }

    @Test
    void anUnsubscribeFromAFirstCampaignIsHonouredByALaterOne() throws Exception {
        contact(company(), "Claire", word + "-claire@exemple.fr", "ACTIVE");
        contact(company(), "Denis", word + "-denis@exemple.fr", "ACTIVE");
        Campaign first = campaign(null);
        campaigns.launch(first.id());
        awaitState(first.id(), CampaignState.SENT);
        MimeMessage toClaire = received(Set.of(word + "-claire@exemple.fr")).get(word + "-claire@exemple.fr").getFirst();
        Matcher token = TOKEN.matcher(toClaire.getHeader("List-Unsubscribe")[0]);
        assertThat(token.find()).isTrue();
        // What the one-click POST does with the token.
        UnsubscribeToken read = tokens.read(token.group(1)).orElseThrow();
        optOuts.unsubscribe(read.address(), "campaign:" + read.campaignId());
        smtpServer.purgeEmailFromAllMailboxes();

        Campaign second = campaign(null, "Relance");
        campaigns.launch(second.id());

        awaitState(second.id(), CampaignState.SENT);
        assertThat(received(Set.of(word + "-claire@exemple.fr", word + "-denis@exemple.fr"))).containsOnlyKeys(word + "-denis@exemple.fr");
        assertThat(jdbc.sql("select count(*) from mail_outbox where stream = :stream and recipients[1] = :address")
                .param("stream", second.stream()).param("address", word + "-claire@exemple.fr").query(Long.class).single())
                .as("left out by the segment").isZero();
    }

    @Test
    void aFanOutInterruptedByACrashIsResubmittedAndWritesNobodyTwice() throws Exception {
        for (int i = 0; i < 6; i++) {
            contact(company(), "F" + i, word + "-f" + i + "@exemple.fr", "ACTIVE");
        }
        Campaign campaign = campaign(1);
        long total = recipients(campaign).size();
        campaigns.launch(campaign.id());
        awaitTrue(() -> campaigns.progress(campaign.id()).fannedOut());
        assertThat(publication(campaign.id())).as("completed when the fan-out returned").isEqualTo("COMPLETED");
        campaigns.pause(campaign.id());
        // A crash after the first batches: the other rows were never written, the publication never completed.
        jdbc.sql("""
                        delete from mail_outbox where stream = :stream and status = 'PENDING'
                        and id > (select min(id) + 1 from mail_outbox where stream = :stream)""")
                .param("stream", campaign.stream()).update();
        jdbc.sql("update campaign set fanned_out_at = null where id = :id").param("id", campaign.id()).update();
        jdbc.sql("""
                        update event_publication set completion_date = null, status = 'PROCESSING'
                        where event_type = :type and serialized_event like :event""")
                .param("type", CampaignLaunched.class.getName()).param("event", "%" + campaign.id() + "%").update();
        assertThat(streams.progress(campaign.stream()).counts().total()).isLessThan(total);

        // What the application does for every incomplete publication when it starts again.
        publications.resubmitIncompletePublications(publication -> publication.getEvent() instanceof CampaignLaunched launched
                && launched.campaignId() == campaign.id());
        awaitTrue(() -> "COMPLETED".equals(publication(campaign.id())));
        assertThat(fanOut.fanOut(campaign.id())).as("a third run writes nobody").isZero();
        streams.setRate(campaign.stream(), null);
        campaigns.resume(campaign.id());

        awaitState(campaign.id(), CampaignState.SENT);
        assertThat(jdbc.sql("select count(*), count(distinct ref) from mail_outbox where stream = :stream")
                .param("stream", campaign.stream()).query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .containsExactly(total, total);
        Map<String, List<MimeMessage>> received = received(recipients(word));
        assertThat(received).hasSize(6);
        assertThat(received.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
    }

    @Test
    void aScheduledCampaignIsLaunchedByTheJobAtItsTime() throws Exception {
        contact(company(), "Eve", word + "-eve@exemple.fr", "ACTIVE");
        Campaign campaign = campaign(null);
        Instant at = Instant.now().plus(Duration.ofHours(2));
        assertThatThrownBy(() -> campaigns.schedule(campaign.id(), Instant.now().minusSeconds(60)))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.field()).isEqualTo("scheduledAt"));
        Campaign scheduled = campaigns.schedule(campaign.id(), at);
        assertThat(scheduled.state()).isEqualTo(CampaignState.SCHEDULED);
        assertThat(scheduled.subject()).as("frozen when scheduled").isEqualTo("Bonjour {{contact.firstName}}");

        assertThat(job(at.minusSeconds(60)).launchDue()).isZero();
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(CampaignState.SCHEDULED);
        assertThat(job(at.plusSeconds(1)).launchDue()).isEqualTo(1);

        awaitState(campaign.id(), CampaignState.SENT);
        assertThat(received(Set.of(word + "-eve@exemple.fr"))).hasSize(1);
        assertThat(job(at.plusSeconds(60)).launchDue()).as("launched once").isZero();
    }

    @Test
    void aStreamThatPausesItselfPausesItsCampaignWithTheReason() throws Exception {
        contact(company(), "Gil", word + "-gil@exemple.fr", "ACTIVE");
        contact(company(), "Gaëlle", word + "-gaelle@exemple.fr", "ACTIVE");
        // One a minute: the second message waits, so the campaign is still sending when its stream pauses.
        Campaign campaign = campaign(1);
        campaigns.launch(campaign.id());
        awaitTrue(() -> campaigns.progress(campaign.id()).fannedOut());

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            streams.pause(campaign.stream(), "error rate");
            events.publishEvent(new MailStreamPaused(campaign.stream(), "error rate 50.0% (5 of 10 attempts) > 20.0%"));
        });

        awaitState(campaign.id(), CampaignState.PAUSED);
        assertThat(campaigns.find(campaign.id()).orElseThrow().pauseReason()).isEqualTo("error rate 50.0% (5 of 10 attempts) > 20.0%");
        campaigns.cancel(campaign.id());
    }

    @Test
    void aTestGoesToTheSignedInPersonAndUnknownFieldsAreRefused() throws Exception {
        long contact = contact(company(), "Hélène", word + "-helene@exemple.fr", "ACTIVE");
        Campaign campaign = campaign(null);

        assertThat(campaigns.testSend(campaign.id(), contact)).isEqualTo("communication@passerelle.local");
        assertThat(campaigns.testSend(campaign.id(), null)).isEqualTo("communication@passerelle.local");

        assertThat(smtpServer.waitForIncomingEmail(5000, 2)).isTrue();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtpServer.getReceivedMessagesForDomain("passerelle.local")) {
            if (message.getAllRecipients()[0].toString().equals("communication@passerelle.local")) {
                subjects.add(message.getSubject());
            }
        }
        assertThat(subjects).contains("[TEST] Bonjour Hélène", "[TEST] Bonjour Camille");
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).as("a test changes nothing").isEqualTo(CampaignState.DRAFT);

        Template broken = templates.create("Cassé " + word, new TemplateContent("Bonjour {{contact.prenom}}", "<p>Texte</p>", null));
        Campaign withBroken = campaigns.create(draft("Cassée " + word, null, broken.id(), null));
        assertThatThrownBy(() -> campaigns.testSend(withBroken.id(), null)).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.messageKey()).isEqualTo("campaignsend.error.template-problems"));
        assertThatThrownBy(() -> campaigns.launch(withBroken.id())).isInstanceOf(CampaignException.class);
    }

    @Test
    void aReferentReadsCampaignsButCannotSendOrChangeThem() {
        Campaign campaign = campaign(null);
        fixtures.signIn("referent");
        assertThat(campaigns.find(campaign.id())).isPresent();
        assertThat(campaigns.progress(campaign.id()).state()).isEqualTo(CampaignState.DRAFT);
        assertThatThrownBy(() -> campaigns.launch(campaign.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> campaigns.testSend(campaign.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> campaigns.create(campaign.draft())).isInstanceOf(AccessDeniedException.class);
    }

    private Campaign campaign(@Nullable Integer perMinute) {
        return campaign(perMinute, "Campagne");
    }

    private Campaign campaign(@Nullable Integer perMinute, String name) {
        long segment = segments.create("Segment " + name + " " + word + ThreadLocalRandom.current().nextInt(1000), filter()).id();
        long template = templates.create("Modèle " + name + " " + word + ThreadLocalRandom.current().nextInt(1000),
                new TemplateContent("Bonjour {{contact.firstName}}",
                        "<p>Bonjour {{contact.firstName}} de {{company.name}}, <a href=\"{{portal.link}}\">déclarez</a>.</p>", null)).id();
        return campaigns.create(draft(name + " " + word + ThreadLocalRandom.current().nextInt(1000), segment, template, perMinute));
    }

    private static CampaignDraft draft(String name, @Nullable Long segment, long template, @Nullable Integer perMinute) {
        return new CampaignDraft(name, segment, template, "Envoyeur démo", "1 rue de la Paix, Paris", null, perMinute, null, null);
    }

    private SegmentFilter filter() {
        SegmentFilter none = SegmentFilter.none();
        return new SegmentFilter(none.dispCodes(), none.regionCodes(), Set.of(department), none.nafSections(), none.workforceBrackets(),
                none.stages(), none.engagementTypes(), Set.of(CompanyLabel.SOCIAL_ECONOMY), null, SegmentFilter.OfferPresence.ANY);
    }

    private long company() {
        long id = fixtures.company("Entreprise " + word + " " + ThreadLocalRandom.current().nextInt(100_000), department);
        jdbc.sql("update company set labels = '{SOCIAL_ECONOMY}' where id = :id").param("id", id).update();
        return id;
    }

    private long contact(long company, String firstName, @Nullable String email, String status) {
        return jdbc.sql("""
                        insert into contact (company_id, first_name, last_name, email, email_status)
                        values (:company, :first, 'Test', :email, :status) returning id""")
                .param("company", company).param("first", firstName).param("email", email).param("status", status)
                .query(Long.class).single();
    }

    /** The addresses the campaign's segment writes to now. */
    private Set<String> recipients(Campaign campaign) {
        Set<String> addresses = new java.util.HashSet<>();
        queries.forEachRecipientBatch(filter(), 1000, batch -> batch.forEach(r -> addresses.add(r.address())));
        return addresses;
    }

    /** This test's own addresses among those the segment writes to. */
    private Set<String> recipients(String prefix) {
        Set<String> addresses = new java.util.HashSet<>();
        queries.forEachRecipientBatch(filter(), 1000, batch -> batch.stream().map(SegmentRecipient::address)
                .filter(a -> a.startsWith(prefix)).forEach(addresses::add));
        return addresses;
    }

    private Map<String, List<MimeMessage>> received(Set<String> addresses) throws Exception {
        Map<String, List<MimeMessage>> received = new HashMap<>();
        for (MimeMessage message : smtpServer.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            if (addresses.contains(to)) {
                received.computeIfAbsent(to, k -> new ArrayList<>()).add(message);
            }
        }
        return received;
    }

    /** Every text part of the message, decoded. */
    private static String text(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            var text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return part.getContent() instanceof String text ? text : "";
    }

    private static String token(MimeMessage message) throws Exception {
        Matcher token = TOKEN.matcher(message.getHeader("List-Unsubscribe")[0]);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private @Nullable String publication(long campaignId) {
        return jdbc.sql("select status from event_publication where event_type = :type and serialized_event like :event")
                .param("type", CampaignLaunched.class.getName()).param("event", "%:" + campaignId + "}%")
                .query(String.class).optional().orElse(null);
    }

    private CampaignSchedule job(Instant now) {
        return new CampaignSchedule(jdbc, transactionManager, transitions, Clock.fixed(now, ZoneOffset.UTC));
    }

    private void awaitState(long id, CampaignState state) throws InterruptedException {
        awaitTrue(() -> campaigns.progress(id).state() == state);
        assertThat(campaigns.progress(id).state()).isEqualTo(state);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 150 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("in time").isTrue();
    }

    private static long elapsedSeconds(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;
    }
}

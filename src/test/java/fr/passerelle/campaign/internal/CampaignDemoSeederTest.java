package fr.passerelle.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.IntegrationTest;
import fr.passerelle.campaign.Campaign;
import fr.passerelle.campaign.CampaignProgress;
import fr.passerelle.campaign.CampaignService;
import fr.passerelle.campaign.CampaignState;
import fr.passerelle.campaignresults.CampaignResult;
import fr.passerelle.campaignresults.CampaignResults;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.segment.SegmentService;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The demo campaigns, seeded when the test application started (demo mode), read through the campaign and results APIs. */
class CampaignDemoSeederTest extends IntegrationTest {

    @Autowired
    CampaignDemoSeeder seeder;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignResults results;
    @Autowired
    SegmentService segments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    GreenMail smtpServer;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void pastCampaignsWereSentWithResultsOnEveryLineAndASecondRunAddsNothing() {
        assertThat(seeder.order()).as("after the segments and templates").isEqualTo(700);
        assertThat(seeder.seed()).as("a second run adds nothing").isZero();
        new OfferFixtures(jdbc, users).signIn("communication");

        long hires = 0;
        for (CampaignDemoSeeder.PastCampaign past : CampaignDemoSeeder.PAST) {
            Campaign campaign = campaigns.find(id(past.name())).orElseThrow();
            assertThat(campaign.state()).as(past.name()).isEqualTo(CampaignState.SENT);
            assertThat(campaign.launchedAt()).isBefore(Instant.now().minus(10, ChronoUnit.DAYS));
            assertThat(campaign.createdByName()).isEqualTo("Communication démo");

            CampaignProgress progress = campaigns.progress(campaign.id());
            assertThat(progress.state()).isEqualTo(CampaignState.SENT);
            assertThat(progress.pending()).as("nothing left to send").isZero();
            assertThat(progress.sent()).isGreaterThan(progress.failed());
            assertThat(progress.failed()).isPositive();
            assertThat(campaign.recipients()).isNotNull();
            assertThat(progress.total()).isEqualTo(campaign.recipients().longValue());

            CampaignResult result = results.of(campaign.id(), ChronoUnit.DAYS);
            CampaignResult.Delivery delivery = result.delivery();
            assertThat(delivery).isNotNull();
            assertThat(delivery.sent()).isEqualTo(progress.sent());
            assertThat(delivery.failed()).isPositive();
            assertThat(delivery.bounced()).isPositive();
            assertThat(delivery.unsubscribed()).isPositive();
            assertThat(result.visits()).isPositive();
            assertThat(result.attribution().declarations()).isEqualTo(past.declared().size());
            assertThat(result.attribution().opened()).isPositive();
            hires += result.attribution().hires();
            assertThat(result.series()).as("dated in the past, from the launch on")
                    .allSatisfy(period -> assertThat(period.start()).isAfter(campaign.launchedAt().minus(1, ChronoUnit.DAYS)));
            assertThat(result.series().stream().mapToLong(CampaignResult.Period::sent).sum()).isEqualTo(delivery.sent());

            assertThat(jdbc.sql("""
                            select count(*) from mail_opt_out o join contact k on lower(k.email) = o.address_key
                            where o.source = :stream and k.email_status = 'ACTIVE'""")
                    .param("stream", campaign.stream()).query(Long.class).single())
                    .as("the blocked contacts' status kept in step").isZero();
        }
        assertThat(hires).as("a hire through an offer declared from the first campaign").isEqualTo(1);
    }

    @Test
    void theDraftIsReadyToSendToDemoContacts() {
        new OfferFixtures(jdbc, users).signIn("communication");
        Campaign draft = campaigns.find(id(CampaignDemoSeeder.DRAFT_NAME)).orElseThrow();

        assertThat(draft.state()).isEqualTo(CampaignState.DRAFT);
        assertThat(draft.templateId()).isNotNull();
        assertThat(draft.segmentId()).isNotNull();
        var segment = segments.find(draft.segmentId()).orElseThrow();
        assertThat(segments.count(segment.filter()).recipients()).isPositive();
        assertThat(jdbc.sql("select count(*) from mail_stream where name = :name").param("name", draft.stream())
                .query(Long.class).single()).as("nothing enqueued yet").isZero();
    }

    @Test
    void theDeliveryWorkerSendsNothingOfThePastCampaigns() throws Exception {
        new OfferFixtures(jdbc, users).signIn("communication");
        List<String> streams = CampaignDemoSeeder.PAST.stream().map(p -> CampaignService.stream(id(p.name()))).toList();
        assertThat(waiting(streams)).as("every past row finished").isZero();
        Map<String, Object> before = statuses(streams);
        Set<String> recipients = new HashSet<>(jdbc.sql("select recipients[1] from mail_outbox where stream = any(:streams)")
                .param("streams", streams.toArray(String[]::new)).query(String.class).list());

        // A test of the draft wakes the delivery worker; once it is sent, the worker has been through the queue.
        String to = campaigns.testSend(id(CampaignDemoSeeder.DRAFT_NAME), null);
        for (int i = 0; i < 150 && !received(to); i++) {
            Thread.sleep(100);
        }
        assertThat(received(to)).as("the test was delivered").isTrue();

        assertThat(statuses(streams)).isEqualTo(before);
        assertThat(Arrays.stream(smtpServer.getReceivedMessages()).map(CampaignDemoSeederTest::to))
                .noneMatch(recipients::contains);
    }

    private long id(String name) {
        return jdbc.sql("select id from campaign where name = :name").param("name", name).query(Long.class).single();
    }

    private long waiting(List<String> streams) {
        return jdbc.sql("select count(*) from mail_outbox where stream = any(:streams) and status in ('PENDING', 'SENDING')")
                .param("streams", streams.toArray(String[]::new)).query(Long.class).single();
    }

    private Map<String, Object> statuses(List<String> streams) {
        return jdbc.sql("""
                        select string_agg(stream || ' ' || status || ' ' || n, ', ' order by stream, status)
                        from (select stream, status, count(*) as n from mail_outbox where stream = any(:streams)
                              group by stream, status) s""")
                .param("streams", streams.toArray(String[]::new)).query().singleRow();
    }

    private boolean received(String to) {
        return Arrays.stream(smtpServer.getReceivedMessages())
                .anyMatch(m -> to.equals(to(m)) && subject(m).startsWith("[TEST]"));
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

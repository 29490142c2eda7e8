package fr.passerelle.campaignresults;

import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortFixtures;
import fr.passerelle.cohort.CohortOfferService;
import fr.passerelle.cohort.CohortService;
import fr.passerelle.cohort.Outcome;
import fr.passerelle.cohort.OutcomeDraft;
import fr.passerelle.cohort.OutcomeMoment;
import fr.passerelle.cohort.ParticipantDraft;
import fr.passerelle.cohort.ParticipantService;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.mail.MailStreams;
import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.Declaration;
import fr.passerelle.offer.ModerationService;
import fr.passerelle.offer.OfferFixtures;
import fr.passerelle.offer.OfferIntakeService;
import fr.passerelle.optout.OptOuts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A campaign with real rows of every kind its results count, through the modules' own services where they have one:
 * its stream (10 recipients, contacts of a company of DISP DIJON — r1, r2, r3, r5, r8 — or of DISP LYON — r4, r6, r7,
 * r9, r10: 4 sent (3 Dijon), 2 failed (1 each), 1 skipped (Lyon), 3 pending (1 Dijon)), the addresses it got blocked (an
 * unsubscribe r1, a hard bounce r5, three soft bounces of r6, a complaint r2) plus one of another campaign, 3 visits,
 * 3 declarations (2 in DISP DIJON, 1 in DISP LYON), 2 of them opened (one in each), and 2 people hired through the Dijon one.
 */
@Component
public class CampaignFixture {

    static final OffsetDateTime DAY_ONE = OffsetDateTime.parse("2027-03-01T09:15:00+01:00");
    static final OffsetDateTime DAY_TWO = OffsetDateTime.parse("2027-03-02T23:30:00+01:00");
    /** 23:30 UTC on 2 March, but 3 March in Paris. */
    static final OffsetDateTime DAY_THREE = OffsetDateTime.parse("2027-03-03T00:30:00+01:00");

    private final MailStreams streams;
    private final MailOutbox outbox;
    private final OptOuts optOuts;
    private final OfferIntakeService intake;
    private final ModerationService moderation;
    private final CohortService cohorts;
    private final CohortOfferService cohortOffers;
    private final ParticipantService participants;
    private final JdbcClient jdbc;
    private final UserDetailsService users;

    CampaignFixture(MailStreams streams, MailOutbox outbox, OptOuts optOuts, OfferIntakeService intake, ModerationService moderation,
                    CohortService cohorts, CohortOfferService cohortOffers, ParticipantService participants, JdbcClient jdbc,
                    UserDetailsService users) {
        this.streams = streams;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.intake = intake;
        this.moderation = moderation;
        this.cohorts = cohorts;
        this.cohortOffers = cohortOffers;
        this.participants = participants;
        this.jdbc = jdbc;
        this.users = users;
    }

    /** A new draft campaign (a row of the campaign table, which declarations, offers and visits refer to); its id. */
    public static long draft(JdbcClient jdbc) {
        return jdbc.sql("""
                        insert into campaign (name, sender_name, created_by)
                        values (:name, 'Passerelle', (select id from app_user where username = 'communication')) returning id""")
                .param("name", "Campagne de test " + ThreadLocalRandom.current().nextLong(1_000_000_000_000L))
                .query(Long.class).single();
    }

    /** Writes the campaign's rows (visitors {@code a}, {@code b}, {@code c}, keys of one hex digit); returns its id. Leaves nobody signed in. */
    public long campaign() {
        long id = draft(jdbc);
        String stream = "campaign:" + id;
        String domain = "c" + id + ".example.fr";
        var companies = new OfferFixtures(jdbc, users);
        long dijonCompany = companies.company("Destinataire Dijon " + id, "21");
        long lyonCompany = companies.company("Destinataire Lyon " + id, "69");
        // contacts[i] is the contact of r<i>, the outbox row's ref.
        long[] contacts = new long[11];
        for (int i = 1; i <= 10; i++) {
            contacts[i] = contact(List.of(1, 2, 3, 5, 8).contains(i) ? dijonCompany : lyonCompany, "r" + i + "@" + domain);
        }
        // Paused at once: the application's delivery worker must not take its rows.
        streams.open(stream, null, null);
        streams.pause(stream, "test");
        outbox.enqueueComposed("campaign", stream, IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new MailOutbox.Recipient("r" + i + "@" + domain, contacts[i])).toList());
        finish(stream, contacts, List.of(1, 2), "SENT", DAY_ONE);
        finish(stream, contacts, List.of(3), "SENT", DAY_TWO);
        finish(stream, contacts, List.of(4), "SENT", DAY_THREE);
        finish(stream, contacts, List.of(5, 6), "FAILED", DAY_TWO);
        finish(stream, contacts, List.of(7), "SKIPPED", DAY_TWO);

        optOuts.unsubscribe("r1@" + domain, stream);
        optOuts.hardBounce("r5@" + domain, stream, "5.1.1");
        for (int i = 0; i < OptOuts.SOFT_BOUNCES_TO_BLOCK; i++) {
            optOuts.softBounce("r6@" + domain, stream, "4.2.2");
        }
        optOuts.complaint("r2@" + domain, stream, "abuse");
        optOuts.unsubscribe("r3@" + domain, "campaign:" + draft(jdbc));

        visit(id, "a", DAY_ONE);
        visit(id, "b", DAY_TWO);
        visit(id, "c", DAY_TWO);

        long dijon = intake.declare(declaration("Campagne Dijon A", "21", "a@" + domain, id));
        intake.declare(declaration("Campagne Dijon B", "21", "b@" + domain, id));
        long lyon = intake.declare(declaration("Campagne Lyon", "69", "c@" + domain, id));
        intake.declare(declaration("Sans campagne", "21", "d@" + domain, null));

        var fixtures = new CohortFixtures(jdbc, users);
        fixtures.signIn("admin");
        moderation.validate(lyon);
        fixtures.signIn("referent");
        long company = moderation.validate(dijon).companyId();
        CohortDetails cohort = cohorts.create(CohortFixtures.cohort(null, fixtures.establishment(CohortFixtures.DIJON_ESTABLISHMENT),
                LocalDate.of(2027, 6, 7)));
        cohortOffers.link(cohort.id(), dijon);
        for (String code : List.of("CAMP-H001", "CAMP-H002")) {
            long participant = participants.enrol(cohort.id(), new ParticipantDraft(code, YearMonth.of(2027, 9), "21", false, null));
            participants.recordOutcome(participant, OutcomeMoment.AT_RELEASE, new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDI, dijon));
            // The same person six months later is no second hire.
            participants.recordOutcome(participant, OutcomeMoment.AFTER_SIX_MONTHS, new OutcomeDraft(Outcome.EMPLOYED, ContractType.CDI, dijon));
        }
        SecurityContextHolder.clearContext();
        return id;
    }

    private static Declaration declaration(String legalName, String department, String email, @Nullable Long campaignId) {
        Declaration d = OfferFixtures.declaration(legalName, department, email);
        return new Declaration(d.company(), d.contact(), d.offer(), d.consentedAt(), d.consentVersion(), null, campaignId);
    }

    private long contact(long company, String email) {
        return jdbc.sql("insert into contact (company_id, last_name, email) values (:company, 'Destinataire', :email) returning id")
                .param("company", company).param("email", email).query(Long.class).single();
    }

    private void finish(String stream, long[] contacts, List<Integer> recipients, String status, OffsetDateTime at) {
        Long[] refs = recipients.stream().map(i -> contacts[i]).toArray(Long[]::new);
        jdbc.sql("""
                        update mail_outbox set status = :status, finished_at = :at,
                        sent_at = case when :status = 'SENT' then cast(:at as timestamptz) end
                        where stream = :stream and ref = any(:refs)""")
                .param("status", status).param("at", at).param("stream", stream).param("refs", refs).update();
    }

    private void visit(long campaignId, String visitor, OffsetDateTime at) {
        jdbc.sql("insert into campaign_visit (campaign_id, visitor_key, landed_at) values (:campaign, :key, :at)")
                .param("campaign", campaignId).param("key", visitor.repeat(64))
                .param("at", at).update();
    }
}

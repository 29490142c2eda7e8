package fr.passerelle.campaign.internal;

import fr.passerelle.base.DemoSeeder;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.campaign.CampaignService;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.mail.MailStreams;
import fr.passerelle.optout.OptOutOutcome;
import fr.passerelle.optout.OptOuts;
import fr.passerelle.segment.SegmentFilter;
import fr.passerelle.segment.SegmentRecipient;
import fr.passerelle.segment.SegmentRecipients;
import fr.passerelle.template.SenderIdentity;
import fr.passerelle.template.TemplateRendering;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo campaigns (700, after the segments and templates), owned by the communication account: three sent in the past
 * months to the demo segments, and one draft ready to send. The in-process SMTP server catches every message, and every
 * demo contact's address is under {@code .example}: a draft sent from the demo lands in the demo mailbox, nowhere else.
 *
 * <p>A past campaign is what a real sending leaves (decision records 020, 021, 023, 024): its frozen snapshot, its
 * stream whose rows are all finished — mostly {@code SENT} with a message id, a few {@code FAILED} after their retries —
 * so that the delivery worker has nothing to take; bounces and unsubscribes on the opt-out list through
 * {@link OptOuts} (which keeps the contacts' status in step), dated after the sending; portal visits; declarations
 * registered from its links (offers with the campaign's id), some opened, one with a hire in a demo cohort. Rows of
 * other modules are written as their own demo data writes them, in SQL, dated in the past. A campaign whose name is
 * taken is left alone, so a restart adds nothing; one transaction under an advisory lock.
 */
@Component
class CampaignDemoSeeder implements DemoSeeder {

    private static final long LOCK_KEY = 0x4361_6d70_6169_676eL;
    private static final int PER_MINUTE = 120;

    /** An offer declared through the campaign's portal link. */
    record Declared(String title, String rome, String contract, boolean opened, boolean hired) {
    }

    record PastCampaign(String name, String segment, String template, int daysAgo, int visits, List<Declared> declared) {
    }

    private record Snapshot(long segmentId, String filter, long templateId, String subject, String htmlBody, @Nullable String textBody) {
    }

    static final List<PastCampaign> PAST = List.of(
            new PastCampaign("Nouvelles offres de nos partenaires", "Partenaires ayant déclaré une offre",
                    "Invitation à déclarer une offre", 74, 9, List.of(
                    new Declared("Maçon / maçonne", "F1703", "CDI", true, true),
                    new Declared("Coffreur bancheur", "F1701", "CDD", true, false))),
            new PastCampaign("Relance des entreprises sans nouvelles – Dijon", "DISP Dijon : sans nouvelles depuis 6 mois",
                    "Relance des entreprises sans nouvelles", 38, 6, List.of(
                    new Declared("Agent / agente de propreté", "K2204", "CDD", true, false))),
            new PastCampaign("Forum emploi et justice – économie sociale et solidaire", "Prospects de l’économie sociale et solidaire",
                    "Forum emploi et justice", 11, 5, List.of(
                    new Declared("Ouvrier / ouvrière des espaces verts", "A1203", "CDD", true, false),
                    new Declared("Employé / employée polyvalent de restauration", "G1603", "CDI", false, false))));

    static final String DRAFT_NAME = "Invitation à déclarer une offre – Logistique Île-de-France";
    private static final String DRAFT_SEGMENT = "Logistique Île-de-France";
    private static final String DRAFT_TEMPLATE = "Invitation à déclarer une offre";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SegmentRecipients recipients;
    private final MailStreams streams;
    private final MailOutbox outbox;
    private final OptOuts optOuts;
    private final TemplateRendering rendering;
    private final JsonMapper json;
    private final Clock clock;

    CampaignDemoSeeder(JdbcClient jdbc, PlatformTransactionManager transactionManager, SegmentRecipients recipients,
                       MailStreams streams, MailOutbox outbox, OptOuts optOuts, TemplateRendering rendering, JsonMapper json,
                       Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.recipients = recipients;
        this.streams = streams;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.rendering = rendering;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public String name() {
        return "demo campaigns";
    }

    @Override
    public int seed() {
        Integer created = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
            Long owner = jdbc.sql("select id from app_user where username = 'communication'").query(Long.class).optional()
                    .orElse(null);
            if (owner == null) {
                return 0;
            }
            int rows = 0;
            for (PastCampaign past : PAST) {
                rows += past(past, owner);
            }
            return rows + draft(owner);
        });
        return created == null ? 0 : created;
    }

    private int past(PastCampaign past, long owner) {
        Snapshot snapshot = snapshot(past.segment(), past.template()).orElse(null);
        if (snapshot == null || taken(past.name())) {
            return 0;
        }
        List<SegmentRecipient> reached = new ArrayList<>();
        recipients.forEachBatch(json.readValue(snapshot.filter(), SegmentFilter.class), 5_000, reached::addAll);
        if (reached.size() < 4) {
            return 0;
        }
        Instant launched = LocalDate.now(clock.withZone(DisplayFormats.PARIS)).minusDays(past.daysAgo()).atTime(9, 30)
                .atZone(DisplayFormats.PARIS).toInstant();
        Instant created = launched.minus(Duration.ofDays(3));
        Instant lastSent = launched.plusSeconds(60L * reached.size() / PER_MINUTE + 60);
        SenderIdentity sender = rendering.defaultSender();
        long id = jdbc.sql("""
                        insert into campaign (name, segment_id, template_id, sender_name, sender_postal_address, per_minute,
                                              max_error_rate, state, subject, html_body, text_body, segment_filter, launched_at,
                                              fanned_out_at, recipients, finished_at, created_by, created_at, updated_at, version)
                        values (:name, :segment, :template, :senderName, :senderAddress, :perMinute, 0.2, 'SENT', :subject, :html,
                                :text, cast(:filter as jsonb), :launched, :fannedOut, :recipients, :finished, :owner, :created,
                                :finished, 2)
                        returning id""")
                .param("name", past.name()).param("segment", snapshot.segmentId()).param("template", snapshot.templateId())
                .param("senderName", sender.name()).param("senderAddress", sender.postalAddress()).param("perMinute", PER_MINUTE)
                .param("subject", snapshot.subject()).param("html", snapshot.htmlBody()).param("text", snapshot.textBody())
                .param("filter", snapshot.filter()).param("launched", at(launched)).param("fannedOut", at(launched.plusSeconds(2)))
                .param("recipients", reached.size()).param("finished", at(lastSent)).param("owner", owner)
                .param("created", at(created))
                .query(Long.class).single();
        history(id, null, "DRAFT", owner, created);
        history(id, "DRAFT", "SENDING", owner, launched);
        history(id, "SENDING", "SENT", null, lastSent);

        String stream = CampaignService.stream(id);
        streams.open(stream, PER_MINUTE, 0.2);
        outbox.enqueueComposed(CampaignService.MESSAGE_KIND, stream,
                reached.stream().map(r -> new MailOutbox.Recipient(r.address(), r.contactId())).toList());
        // Who failed, bounced or unsubscribed: a few, spread over the list, the same on every database.
        List<SegmentRecipient> shuffled = new ArrayList<>(reached);
        Collections.shuffle(shuffled, new Random(past.name().hashCode()));
        int failed = Math.max(1, reached.size() / 25);
        int bounced = Math.max(1, reached.size() / 20);
        int unsubscribed = Math.max(1, reached.size() / 30);
        List<SegmentRecipient> failures = shuffled.subList(0, failed);
        List<SegmentRecipient> bounces = shuffled.subList(failed, failed + bounced);
        List<SegmentRecipient> unsubscribes = shuffled.subList(failed + bounced, failed + bounced + unsubscribed);
        List<SegmentRecipient> delivered = shuffled.subList(failed, shuffled.size());
        // Sent at the campaign's rate, in address order as the stream is claimed; message ids as the delivery writes them.
        jdbc.sql("""
                        update mail_outbox o set status = 'SENT', attempts = 1, sent_at = s.at, finished_at = s.at,
                               message_id = '<' || o.id || '.1.demo.outbox@passerelle.example>'
                        from (select id, cast(:launched as timestamptz) + (row_number() over (order by recipients[1]))
                                         * interval '1 minute' / :perMinute as at
                              from mail_outbox where stream = :stream) s
                        where o.id = s.id""")
                .param("launched", at(launched)).param("perMinute", PER_MINUTE).param("stream", stream).update();
        jdbc.sql("""
                        update mail_outbox set status = 'FAILED', attempts = 5, sent_at = null, message_id = null,
                               finished_at = finished_at + interval '7 hours',
                               last_error = '421 4.4.2 Connexion interrompue par le serveur distant (5 essais)'
                        where stream = :stream and ref = any(:refs)""")
                .param("stream", stream).param("refs", refs(failures)).update();
        int blocked = 0;
        for (int i = 0; i < bounces.size(); i++) {
            if (optOuts.hardBounce(bounces.get(i).address(), stream, "5.1.1") == OptOutOutcome.BLOCKED) {
                blocked += dated(bounces.get(i).address(), stream, launched.plus(Duration.ofMinutes(20L + 7 * i)));
            }
        }
        for (int i = 0; i < unsubscribes.size(); i++) {
            if (optOuts.unsubscribe(unsubscribes.get(i).address(), stream) == OptOutOutcome.BLOCKED) {
                blocked += dated(unsubscribes.get(i).address(), stream, launched.plus(Duration.ofHours(3L + 26 * i)));
            }
        }
        for (int i = 0; i < past.visits(); i++) {
            jdbc.sql("""
                            insert into campaign_visit (campaign_id, visitor_key, landed_at)
                            values (:campaign, encode(sha256(convert_to(:seed, 'UTF8')), 'hex'), :at)
                            on conflict do nothing""")
                    .param("campaign", id).param("seed", "demo-visit:" + id + ":" + i)
                    .param("at", at(launched.plus(Duration.ofMinutes(35L + 190L * i * i)))).update();
        }
        List<SegmentRecipient> declaring = delivered.subList(bounced + unsubscribed, delivered.size());
        for (int i = 0; i < past.declared().size() && i < declaring.size(); i++) {
            declare(id, past.declared().get(i), declaring.get(i), launched.plus(Duration.ofHours(5L + 30 * i)));
        }
        return 1 + reached.size() + blocked;
    }

    /** The offer a recipient's company declared from the campaign's link; opened by the referent the next day if it was. */
    private void declare(long campaignId, Declared declared, SegmentRecipient by, Instant at) {
        LocalDate start = LocalDate.ofInstant(at, ZoneOffset.UTC).plusWeeks(3);
        Instant opened = at.plus(Duration.ofHours(20));
        long offer = jdbc.sql("""
                        insert into offer (company_id, type, rome_code, title, description, positions, contract_type, hours_per_week,
                                           department_code, start_date, end_date, source, contact_id, status, created_at,
                                           updated_at, last_company_update_at, campaign_id)
                        select case when :opened then c.id end, 'POST_RELEASE_JOB', :rome, :title,
                               'Offre déclarée depuis le lien d’une campagne de démonstration.', 1, :contract, 35,
                               c.department_code, :start, :end, 'PORTAL', case when :opened then :contact end,
                               case when :opened then 'OPEN' else 'PENDING_VALIDATION' end, :at, :updated, :at, :campaign
                        from company c where c.id = :company
                        returning id""")
                .param("opened", declared.opened()).param("rome", declared.rome()).param("title", declared.title())
                .param("contract", declared.contract()).param("start", start).param("end", start.plusMonths(6))
                .param("contact", by.contactId()).param("at", at(at)).param("updated", at(declared.opened() ? opened : at))
                .param("campaign", campaignId).param("company", by.companyId())
                .query(Long.class).single();
        jdbc.sql("""
                        insert into offer_declaration (offer_id, siret, legal_name, street, postcode, commune, department_code,
                                                       naf_code, workforce_bracket, contact_first_name, contact_last_name,
                                                       contact_job_title, contact_email, contact_phone, consented_at, consent_version)
                        select :offer, c.siret, c.legal_name, c.street, c.postcode, c.commune, c.department_code, c.naf_code,
                               c.workforce_bracket, k.first_name, coalesce(k.last_name, 'Martin'), k.job_title, k.email, k.phone,
                               :at, '2026-12'
                        from company c join contact k on k.id = :contact where c.id = :company""")
                .param("offer", offer).param("contact", by.contactId()).param("company", by.companyId()).param("at", at(at))
                .update();
        jdbc.sql("""
                        insert into offer_status_change (offer_id, from_status, to_status, changed_by, changed_at)
                        values (:offer, null, 'PENDING_VALIDATION', 'portail', :at)""")
                .param("offer", offer).param("at", at(at)).update();
        if (declared.opened()) {
            jdbc.sql("""
                            insert into offer_status_change (offer_id, from_status, to_status, changed_by, changed_at)
                            values (:offer, 'PENDING_VALIDATION', 'OPEN', 'referent', :at)""")
                    .param("offer", offer).param("at", at(opened)).update();
        }
        if (declared.hired()) {
            hire(offer, by.companyId(), declared.contract(), opened);
        }
    }

    /** One person of a demo cohort that has released people hired through the offer, linked to the cohort for it. */
    private void hire(long offer, long company, String contract, Instant linked) {
        Optional<Long> cohort = jdbc.sql("""
                        select c.id from cohort c
                        where exists (select 1 from participant p where p.cohort_id = c.id and p.state = 'COMPLETED')
                        order by (c.disp_code = (select disp_code from offer where id = :offer)) desc, c.id limit 1""")
                .param("offer", offer).query(Long.class).optional();
        if (cohort.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into cohort_offer (cohort_id, offer_id, linked_by, linked_at)
                        select :cohort, :offer, u.id, :at from app_user u where u.username = 'referent'""")
                .param("cohort", cohort.get()).param("offer", offer).param("at", at(linked)).update();
        jdbc.sql("""
                        insert into participant (cohort_id, code, release_month, return_department_code, state, certification_obtained,
                                                 release_outcome, release_contract_type, release_offer_id, release_company_id)
                        select :cohort, 'CAMP-DEMO-01', cast(date_trunc('month', cast(:at as timestamptz) at time zone 'Europe/Paris') as date),
                               o.department_code, 'COMPLETED', true, 'EMPLOYED', :contract, :offer, :company
                        from offer o where o.id = :offer
                        on conflict (cohort_id, code) do nothing""")
                .param("cohort", cohort.get()).param("at", at(linked.plus(Duration.ofDays(20)))).param("contract", contract)
                .param("offer", offer).param("company", company).update();
    }

    /** The draft: segment and template chosen, nothing frozen, nothing in the outbox. */
    private int draft(long owner) {
        Snapshot snapshot = snapshot(DRAFT_SEGMENT, DRAFT_TEMPLATE).orElse(null);
        if (snapshot == null || taken(DRAFT_NAME)) {
            return 0;
        }
        SenderIdentity sender = rendering.defaultSender();
        long id = jdbc.sql("""
                        insert into campaign (name, segment_id, template_id, sender_name, sender_postal_address, per_minute,
                                              max_error_rate, created_by)
                        values (:name, :segment, :template, :senderName, :senderAddress, 60, 0.2, :owner)
                        returning id""")
                .param("name", DRAFT_NAME).param("segment", snapshot.segmentId()).param("template", snapshot.templateId())
                .param("senderName", sender.name()).param("senderAddress", sender.postalAddress()).param("owner", owner)
                .query(Long.class).single();
        history(id, null, "DRAFT", owner, clock.instant());
        return 1;
    }

    private Optional<Snapshot> snapshot(String segment, String template) {
        return jdbc.sql("""
                        select s.id, cast(s.filter as text), t.id, t.subject, t.html_body, t.text_body
                        from campaign_segment s, campaign_template t where s.name = :segment and t.name = :template""")
                .param("segment", segment).param("template", template)
                .query((rs, row) -> new Snapshot(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    private boolean taken(String name) {
        return jdbc.sql("select exists (select 1 from campaign where lower(btrim(name)) = lower(btrim(:name)))").param("name", name)
                .query(Boolean.class).single();
    }

    private void history(long id, @Nullable String from, String to, @Nullable Long actor, Instant at) {
        jdbc.sql("""
                        insert into campaign_state_change (campaign_id, at, from_state, to_state, actor_id)
                        values (:id, :at, :from, :to, :actor)""")
                .param("id", id).param("at", at(at)).param("from", from).param("to", to).param("actor", actor).update();
    }

    /** The block's time moved back to when the bounce or the unsubscribe came, after the message was sent. */
    private int dated(String address, String stream, Instant at) {
        return jdbc.sql("""
                        update mail_opt_out set first_event_at = :at, last_event_at = :at
                        where address_key = lower(btrim(:address)) and source = :stream""")
                .param("at", at(at)).param("address", address).param("stream", stream).update();
    }

    private static Long[] refs(List<SegmentRecipient> recipients) {
        return recipients.stream().map(SegmentRecipient::contactId).toArray(Long[]::new);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

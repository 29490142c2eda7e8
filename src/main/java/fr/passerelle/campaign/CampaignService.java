package fr.passerelle.campaign;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.mail.MailOutbox;
import fr.passerelle.mail.MailStreams;
import fr.passerelle.mail.OutgoingMail;
import fr.passerelle.mail.StreamProgress;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns: communication teams and administrators write them, send themselves a test, launch them now or at a set
 * time, pause, resume and cancel them; referents read them and their progress. Launching freezes the template's
 * content, the segment's filter and the sender, opens the outbox stream {@code campaign:<id>} with the campaign's rate
 * and error limit, and publishes {@link CampaignLaunched}, from which the fan-out writes the recipients (decision
 * record 023).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'COMMUNICATION', 'REFERENT')")
public class CampaignService {

    static final int NAME_MAX = 120;
    static final int MAX_PER_MINUTE = 100_000;
    private static final String MANAGE = "hasAnyRole('ADMIN', 'COMMUNICATION')";
    private static final String SELECT = """
            select k.id, k.name, k.segment_id, s.name as segment_name, k.template_id, t.name as template_name, k.sender_name,
                   k.sender_postal_address, k.reply_to, k.per_minute, k.max_error_rate, k.state, k.scheduled_at, k.subject,
                   k.launched_at, k.fanned_out_at, k.recipients, k.finished_at, k.pause_reason,
                   coalesce(u.display_name, '') as created_by_name, k.created_at, k.version
            from campaign k left join campaign_segment s on s.id = k.segment_id
                 left join campaign_template t on t.id = k.template_id left join app_user u on u.id = k.created_by
            """;

    private final JdbcClient jdbc;
    private final SegmentService segments;
    private final TemplateService templates;
    private final CampaignMessages messages;
    private final CampaignTransitions transitions;
    private final MailOutbox outbox;
    private final MailStreams streams;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;

    CampaignService(JdbcClient jdbc, SegmentService segments, TemplateService templates, CampaignMessages messages,
                    CampaignTransitions transitions, MailOutbox outbox, MailStreams streams, CurrentUser currentUser,
                    JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.segments = segments;
        this.templates = templates;
        this.messages = messages;
        this.transitions = transitions;
        this.outbox = outbox;
        this.streams = streams;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
    }

    /** The outbox stream of a campaign's messages. */
    public static String stream(long campaignId) {
        return "campaign:" + campaignId;
    }

    /** Whether the signed-in person may write and send campaigns. */
    public boolean canManage() {
        return segments.canManage();
    }

    /** The sender a new campaign starts with (the installation's, {@code PASSERELLE_CAMPAIGN_SENDER_NAME}). */
    public SenderIdentity defaultSender() {
        return messages.defaultSender();
    }

    /** One page of the campaigns, the newest first, of one state or all. */
    public List<CampaignSummary> page(@Nullable CampaignState state, Pageable pageable) {
        return jdbc.sql("""
                        select k.id, k.name, k.state, s.name as segment_name, t.name as template_name, k.scheduled_at,
                               k.launched_at, k.finished_at
                        from campaign k left join campaign_segment s on s.id = k.segment_id
                             left join campaign_template t on t.id = k.template_id
                        where cast(:state as text) is null or k.state = :state
                        order by k.created_at desc, k.id desc limit :limit offset :offset""")
                .param("state", state == null ? null : state.name())
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, row) -> new CampaignSummary(rs.getLong("id"), rs.getString("name"),
                        CampaignState.valueOf(rs.getString("state")), rs.getString("segment_name"), rs.getString("template_name"),
                        instant(rs, "scheduled_at"), instant(rs, "launched_at"), instant(rs, "finished_at")))
                .list();
    }

    public long count(@Nullable CampaignState state) {
        return jdbc.sql("select count(*) from campaign where cast(:state as text) is null or state = :state")
                .param("state", state == null ? null : state.name()).query(Long.class).single();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql(SELECT + " where k.id = :id").param("id", id).query(CampaignService::campaign).optional();
    }

    /** Every change of the campaign's state, oldest first. */
    public List<CampaignStateChange> history(long id) {
        return jdbc.sql("""
                        select h.at, h.from_state, h.to_state, u.display_name, h.reason
                        from campaign_state_change h left join app_user u on u.id = h.actor_id
                        where h.campaign_id = :id order by h.at, h.id""")
                .param("id", id)
                .query((rs, row) -> new CampaignStateChange(instant(rs, "at"),
                        rs.getString("from_state") == null ? null : CampaignState.valueOf(rs.getString("from_state")),
                        CampaignState.valueOf(rs.getString("to_state")), rs.getString("display_name"), rs.getString("reason")))
                .list();
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Campaign create(CampaignDraft draft) {
        check(draft, null);
        long id = jdbc.sql("""
                        insert into campaign (name, segment_id, template_id, sender_name, sender_postal_address, reply_to, per_minute,
                                              max_error_rate, scheduled_at, created_by)
                        values (:name, :segment, :template, :senderName, :senderAddress, :replyTo, :perMinute, :maxErrorRate,
                                :scheduledAt, :createdBy)
                        returning id""")
                .params(draftParams(draft)).param("createdBy", currentUser.require().id())
                .query(Long.class).single();
        transitions.record(id, null, CampaignState.DRAFT, currentUser.require().id(), null);
        return require(id);
    }

    /** Saves a change of a draft made from {@code version}; refused once the campaign is scheduled or sent. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Campaign update(long id, long version, CampaignDraft draft) {
        Campaign campaign = require(id);
        if (campaign.state() != CampaignState.DRAFT) {
            throw new CampaignException(null, "campaignsend.error.not-a-draft");
        }
        check(draft, id);
        int updated = jdbc.sql("""
                        update campaign set name = :name, segment_id = :segment, template_id = :template, sender_name = :senderName,
                               sender_postal_address = :senderAddress, reply_to = :replyTo, per_minute = :perMinute,
                               max_error_rate = :maxErrorRate, scheduled_at = :scheduledAt, updated_at = now(), version = version + 1
                        where id = :id and version = :version and state = 'DRAFT'""")
                .params(draftParams(draft)).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new CampaignException(null, "campaign.error.changed-meanwhile");
        }
        return require(id);
    }

    /**
     * Sends the campaign's message to the signed-in person's own address, through the outbox, its subject starting with
     * {@code [TEST]}: rendered for the contact chosen, or with example values when none is. Refused while the template
     * has fields that are not merge fields.
     *
     * @return the address it was sent to
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public String testSend(long id, @Nullable Long contactId) {
        Campaign campaign = require(id);
        CampaignMessages.Snapshot snapshot = snapshot(campaign).orElseGet(() -> {
            Template template = template(campaign);
            refuseProblems(template.content());
            return new CampaignMessages.Snapshot(id, template.content(), sender(campaign), campaign.replyTo());
        });
        refuseProblems(snapshot.content());
        SignedInUser user = currentUser.require();
        String address = jdbc.sql("select email from app_user where id = :id").param("id", user.id()).query(String.class)
                .optional().orElse(null);
        if (address == null || address.isBlank()) {
            throw new CampaignException(null, "campaignsend.error.no-email");
        }
        CampaignMessages.Person person;
        if (contactId != null) {
            person = messages.people(List.of(contactId)).get(contactId);
            if (person == null) {
                throw new CampaignException("contact", "campaign.error.contact-not-found");
            }
        } else {
            person = messages.example(user.displayName());
        }
        OutgoingMail mail = messages.message(snapshot, address, person);
        outbox.enqueue(CampaignMessages.TEST_KIND, new OutgoingMail(mail.to(), "[TEST] " + mail.subject(), mail.text(), mail.html(),
                mail.replyTo(), mail.headers()), null);
        return address;
    }

    /** Freezes the campaign and sends it now: its recipients are written into its stream from {@link CampaignLaunched}. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Campaign launch(long id) {
        Campaign campaign = require(id);
        refuseUnless(campaign, CampaignState.SENDING);
        if (campaign.state() == CampaignState.DRAFT) {
            freeze(campaign);
        }
        transitions.launch(id, currentUser.require().id());
        return require(id);
    }

    /** Freezes the campaign and leaves it for the schedule to launch at {@code at}, which must be in the future. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Campaign schedule(long id, Instant at) {
        Campaign campaign = require(id);
        refuseUnless(campaign, CampaignState.SCHEDULED);
        if (!at.isAfter(clock.instant())) {
            throw new CampaignException("scheduledAt", "campaignsend.error.schedule-in-past");
        }
        freeze(campaign);
        jdbc.sql("update campaign set scheduled_at = :at where id = :id").param("at", at.atOffset(java.time.ZoneOffset.UTC))
                .param("id", id).update();
        move(campaign, EnumSet.of(CampaignState.DRAFT), CampaignState.SCHEDULED, null);
        return require(id);
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Campaign pause(long id) {
        Campaign campaign = require(id);
        refuseUnless(campaign, CampaignState.PAUSED);
        String reason = messages.french("campaignsend.pause.manual", currentUser.require().displayName());
        move(campaign, EnumSet.of(CampaignState.SENDING), CampaignState.PAUSED, reason);
        streams.pause(campaign.stream(), reason);
        return require(id);
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Campaign resume(long id) {
        Campaign campaign = require(id);
        if (campaign.state() != CampaignState.PAUSED) {
            throw new CampaignException(null, "campaignsend.error.not-allowed-now");
        }
        move(campaign, EnumSet.of(CampaignState.PAUSED), CampaignState.SENDING, null);
        streams.resume(campaign.stream());
        return require(id);
    }

    /** Stops the campaign for good: what is not sent yet never will be. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Campaign cancel(long id) {
        Campaign campaign = require(id);
        refuseUnless(campaign, CampaignState.CANCELLED);
        move(campaign, EnumSet.of(CampaignState.DRAFT, CampaignState.SCHEDULED, CampaignState.SENDING, CampaignState.PAUSED),
                CampaignState.CANCELLED, null);
        if (campaign.launchedAt() != null) {
            streams.cancel(campaign.stream());
        }
        return require(id);
    }

    /**
     * Where the sending stands; a campaign whose recipients were all written and whose stream has nothing left to send
     * becomes {@code SENT} here (and on the schedule).
     */
    @Transactional
    public CampaignProgress progress(long id) {
        Campaign campaign = require(id);
        if (campaign.launchedAt() == null) {
            return CampaignProgress.none(campaign.state(), campaign.pauseReason());
        }
        StreamProgress stream = streams.progress(campaign.stream());
        CampaignState state = campaign.state();
        if (state == CampaignState.SENDING && campaign.fannedOutAt() != null && stream.counts().finished()
                && transitions.completeIfDone(id)) {
            state = CampaignState.SENT;
        }
        StreamProgress.Counts counts = stream.counts();
        return new CampaignProgress(state, campaign.fannedOutAt() != null, counts.pending() + counts.sending(), counts.sent(),
                counts.failed(), counts.skipped(), counts.cancelled(), campaign.pauseReason());
    }

    private void freeze(Campaign campaign) {
        if (campaign.segmentId() == null) {
            throw new CampaignException("segment", "campaignsend.error.segment-required");
        }
        Template template = template(campaign);
        refuseProblems(template.content());
        Segment segment = segments.find(campaign.segmentId())
                .orElseThrow(() -> new CampaignException("segment", "campaign.error.segment-not-found"));
        jdbc.sql("""
                        update campaign set subject = :subject, html_body = :html, text_body = :text,
                               segment_filter = cast(:filter as jsonb), updated_at = now()
                        where id = :id and state = 'DRAFT'""")
                .param("subject", template.subject()).param("html", template.htmlBody()).param("text", template.textBody())
                .param("filter", json.writeValueAsString(segment.filter())).param("id", campaign.id()).update();
    }

    private Template template(Campaign campaign) {
        if (campaign.templateId() == null) {
            throw new CampaignException("template", "campaignsend.error.template-required");
        }
        return templates.find(campaign.templateId())
                .orElseThrow(() -> new CampaignException("template", "campaign.error.template-not-found"));
    }

    private Optional<CampaignMessages.Snapshot> snapshot(Campaign campaign) {
        return messages.snapshots(List.of(campaign.id())).values().stream().findFirst();
    }

    /** Refused tags and unknown fields stop a test and a launch, with the French explanations. */
    private void refuseProblems(TemplateContent content) {
        List<TemplateWarning> problems = messages.problems(content);
        if (!problems.isEmpty()) {
            throw new CampaignException("template", "campaignsend.error.template-problems",
                    problems.stream().map(TemplateWarning::message).collect(Collectors.joining(" ")));
        }
    }

    private static SenderIdentity sender(Campaign campaign) {
        return new SenderIdentity(campaign.senderName(), campaign.senderPostalAddress());
    }

    private void refuseUnless(Campaign campaign, CampaignState next) {
        if (!campaign.state().canMoveTo(next)) {
            throw new CampaignException(null, "campaignsend.error.not-allowed-now");
        }
    }

    private void move(Campaign campaign, EnumSet<CampaignState> from, CampaignState to, @Nullable String reason) {
        if (transitions.move(campaign.id(), from, to, currentUser.require().id(), reason).isEmpty()) {
            throw new CampaignException(null, "campaign.error.changed-meanwhile");
        }
    }

    private Campaign require(long id) {
        return find(id).orElseThrow(() -> new CampaignException(null, "campaignsend.error.not-found"));
    }

    private void check(CampaignDraft draft, @Nullable Long id) {
        String name = draft.name().strip();
        if (name.isEmpty()) {
            throw new CampaignException("name", "campaign.error.name-required");
        }
        if (name.length() > NAME_MAX) {
            throw new CampaignException("name", "campaign.error.name-too-long", NAME_MAX);
        }
        boolean taken = jdbc.sql("""
                        select exists (select 1 from campaign where lower(btrim(name)) = lower(:name)
                                       and (cast(:id as bigint) is null or id <> :id))""")
                .param("name", name).param("id", id).query(Boolean.class).single();
        if (taken) {
            throw new CampaignException("name", "campaignsend.error.name-taken");
        }
        if (draft.senderName().isBlank()) {
            throw new CampaignException("senderName", "campaign.error.required");
        }
        if (draft.senderName().strip().length() > NAME_MAX) {
            throw new CampaignException("senderName", "campaign.error.name-too-long", NAME_MAX);
        }
        if (draft.replyTo() != null && !validAddress(draft.replyTo())) {
            throw new CampaignException("replyTo", "campaignsend.error.reply-to");
        }
        if (draft.perMinute() != null && (draft.perMinute() < 1 || draft.perMinute() > MAX_PER_MINUTE)) {
            throw new CampaignException("perMinute", "campaignsend.error.rate", MAX_PER_MINUTE);
        }
        if (draft.maxErrorRate() != null && !(draft.maxErrorRate() > 0 && draft.maxErrorRate() <= 1)) {
            throw new CampaignException("maxErrorRate", "campaignsend.error.error-rate");
        }
        if (draft.segmentId() != null && segments.find(draft.segmentId()).isEmpty()) {
            throw new CampaignException("segment", "campaign.error.segment-not-found");
        }
        if (draft.templateId() != null && templates.find(draft.templateId()).isEmpty()) {
            throw new CampaignException("template", "campaign.error.template-not-found");
        }
    }

    private static boolean validAddress(String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
        } catch (AddressException e) {
            return false;
        }
    }

    private static java.util.Map<String, Object> draftParams(CampaignDraft draft) {
        var params = new java.util.HashMap<String, Object>();
        params.put("name", draft.name().strip());
        params.put("segment", draft.segmentId());
        params.put("template", draft.templateId());
        params.put("senderName", draft.senderName().strip());
        params.put("senderAddress", draft.senderPostalAddress());
        params.put("replyTo", draft.replyTo());
        params.put("perMinute", draft.perMinute());
        params.put("maxErrorRate", draft.maxErrorRate());
        params.put("scheduledAt", draft.scheduledAt() == null ? null : draft.scheduledAt().atOffset(java.time.ZoneOffset.UTC));
        return params;
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getObject("segment_id", Long.class),
                rs.getString("segment_name"), rs.getObject("template_id", Long.class), rs.getString("template_name"),
                rs.getString("sender_name"), rs.getString("sender_postal_address"), rs.getString("reply_to"),
                rs.getObject("per_minute", Integer.class), rs.getObject("max_error_rate", Double.class),
                CampaignState.valueOf(rs.getString("state")), instant(rs, "scheduled_at"), rs.getString("subject"),
                instant(rs, "launched_at"), instant(rs, "fanned_out_at"), rs.getObject("recipients", Integer.class),
                instant(rs, "finished_at"), rs.getString("pause_reason"), rs.getString("created_by_name"),
                instant(rs, "created_at"), rs.getLong("version"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

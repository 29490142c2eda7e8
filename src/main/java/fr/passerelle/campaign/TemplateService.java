package fr.passerelle.campaign;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.PublicAddress;
import fr.passerelle.campaign.domain.CampaignTemplate;
import fr.passerelle.campaign.domain.CampaignTemplateRepository;
import fr.passerelle.campaign.internal.TemplateRenderer;
import fr.passerelle.optout.UnsubscribeTokens;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign templates: communication teams and administrators write them, preview them for a real contact and see
 * what to fix (refused tags, unknown or empty merge fields) before any sending; referents read them.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'COMMUNICATION', 'REFERENT')")
public class TemplateService {

    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 100_000;
    private static final String MANAGE = "hasAnyRole('ADMIN', 'COMMUNICATION')";
    /** Where a campaign's portal link leads: the declaration form (the campaign's reference is added when it is sent). */
    static final String PORTAL_PATH = "portail/declarer";
    /**
     * The campaign a preview's opt-out link names: none (no campaign has id 0). The link works as any other: clicking it
     * in a preview opens the page, and only its button would block the address.
     */
    public static final long PREVIEW_CAMPAIGN = 0;

    private final CampaignTemplateRepository templates;
    private final TemplateRenderer renderer;
    private final PublicAddress publicAddress;
    private final UnsubscribeTokens unsubscribeTokens;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    TemplateService(CampaignTemplateRepository templates, TemplateRenderer renderer, PublicAddress publicAddress,
                    UnsubscribeTokens unsubscribeTokens, JdbcClient jdbc, CurrentUser currentUser) {
        this.templates = templates;
        this.renderer = renderer;
        this.publicAddress = publicAddress;
        this.unsubscribeTokens = unsubscribeTokens;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    public List<TemplateSummary> page(Pageable pageable) {
        return jdbc.sql("""
                        select t.id, t.name, t.subject, coalesce(u.display_name, '') as owner_name, t.updated_at
                        from campaign_template t left join app_user u on u.id = t.owner_id
                        order by lower(t.name), t.id limit :limit offset :offset""")
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(TemplateSummary.class).list();
    }

    public long countTemplates() {
        return templates.count();
    }

    public Optional<Template> find(long id) {
        return templates.findById(id).map(this::template);
    }

    /** Refused tags and unknown merge fields, whoever the template goes to (French messages). */
    public List<TemplateWarning> check(TemplateContent content) {
        return renderer.check(content);
    }

    /** The template rendered with a real contact's data, and every warning for that contact too. */
    public TemplatePreview preview(TemplateContent content, long contactId) {
        MergeValues values = values(contactId);
        List<TemplateWarning> warnings = renderer.check(content, values);
        if (warnings.stream().anyMatch(TemplateWarning::blocking)) {
            return new TemplatePreview(new RenderedMessage("", "", ""), warnings);
        }
        return new TemplatePreview(renderer.render(content, values), warnings);
    }

    /** What the merge fields stand for in a preview for that contact ({@link #PREVIEW_CAMPAIGN}). */
    public MergeValues values(long contactId) {
        return values(contactId, PREVIEW_CAMPAIGN);
    }

    /**
     * What the merge fields stand for in the campaign's message to that contact. The opt-out link is the contact's own
     * signed link ({@link UnsubscribeTokens}, on the public address), the one the footer carries; a contact without an
     * address, never written to, gets the page's address without a token.
     */
    public MergeValues values(long contactId, long campaignId) {
        return jdbc.sql("""
                        select k.first_name, k.last_name, k.email, coalesce(c.trade_name, c.legal_name) as company_name,
                               u.display_name as referent_name
                        from contact k join company c on c.id = k.company_id left join app_user u on u.id = c.owner_id
                        where k.id = :id""").param("id", contactId)
                .query((rs, row) -> {
                    String email = rs.getString("email");
                    String unsubscribe = email == null ? publicAddress.link(UnsubscribeTokens.PATH).toString()
                            : unsubscribeTokens.page(unsubscribeTokens.issue(email, campaignId)).toString();
                    return new MergeValues(rs.getString("first_name"), rs.getString("last_name"), rs.getString("company_name"),
                            rs.getString("referent_name"), publicAddress.link(PORTAL_PATH).toString(), unsubscribe);
                })
                .optional().orElseThrow(() -> new CampaignException("contact", "campaign.error.contact-not-found"));
    }

    /** Contacts to preview for, whose name, company or address contains the text (accents and case ignored), by name. */
    public List<ContactOption> contacts(String search, int offset, int limit) {
        return jdbc.sql("""
                        select k.id, k.first_name, k.last_name, k.email, coalesce(c.trade_name, c.legal_name) as company_name
                        from contact k join company c on c.id = k.company_id
                        where search_text(concat_ws(' ', k.first_name, k.last_name, c.legal_name, c.trade_name, k.email))
                              like '%' || search_text(:q) || '%'
                        order by search_text(k.last_name), k.id limit :limit offset :offset""")
                .param("q", escapeLike(search)).param("limit", limit).param("offset", offset)
                .query(ContactOption.class).list();
    }

    public int countContacts(String search) {
        return jdbc.sql("""
                        select count(*) from contact k join company c on c.id = k.company_id
                        where search_text(concat_ws(' ', k.first_name, k.last_name, c.legal_name, c.trade_name, k.email))
                              like '%' || search_text(:q) || '%'""")
                .param("q", escapeLike(search)).query(Integer.class).single();
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Template create(String name, TemplateContent content) {
        var template = new CampaignTemplate(currentUser.require().id());
        apply(template, name, content, null);
        return template(templates.saveAndFlush(template));
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Template update(long id, long version, String name, TemplateContent content) {
        CampaignTemplate template = templates.findById(id)
                .orElseThrow(() -> new CampaignException(null, "campaign.error.template-not-found"));
        if (template.getVersion() != version) {
            throw new CampaignException(null, "campaign.error.changed-meanwhile");
        }
        apply(template, name, content, id);
        return template(templates.saveAndFlush(template));
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public void delete(long id) {
        templates.findById(id).ifPresent(templates::delete);
    }

    /** Checks and copies what was typed; a refused tag is an error on its field, unknown fields only warnings. */
    private void apply(CampaignTemplate template, String name, TemplateContent content, @Nullable Long id) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new CampaignException("name", "campaign.error.name-required");
        }
        if (trimmed.length() > SegmentService.NAME_MAX) {
            throw new CampaignException("name", "campaign.error.name-too-long", SegmentService.NAME_MAX);
        }
        if (id == null ? templates.existsByNameIgnoreCase(trimmed) : templates.existsByNameIgnoreCaseAndIdNot(trimmed, id)) {
            throw new CampaignException("name", "campaign.error.template-name-taken");
        }
        required("subject", content.subject(), SUBJECT_MAX);
        required("htmlBody", content.htmlBody(), BODY_MAX);
        if (content.textBody() != null && content.textBody().length() > BODY_MAX) {
            throw new CampaignException("textBody", "campaign.error.too-long", BODY_MAX);
        }
        renderer.check(content).stream().filter(TemplateWarning::blocking).findFirst().ifPresent(refused -> {
            throw new CampaignException(refused.part(), "campaign.error.refused-tag", "{{" + refused.tag() + "}}", "{{contact.firstName}}");
        });
        template.setName(trimmed);
        template.setSubject(content.subject().strip());
        template.setHtmlBody(content.htmlBody());
        template.setTextBody(content.textBody());
    }

    private static void required(String field, String value, int max) {
        if (value.isBlank()) {
            throw new CampaignException(field, "campaign.error.required");
        }
        if (value.length() > max) {
            throw new CampaignException(field, "campaign.error.too-long", max);
        }
    }

    private Template template(CampaignTemplate t) {
        String owner = jdbc.sql("select display_name from app_user where id = :id").param("id", t.getOwnerId())
                .query(String.class).optional().orElse("");
        return new Template(t.getId(), t.getName(), t.getSubject(), t.getHtmlBody(), t.getTextBody(), owner, t.getCreatedAt(),
                t.getUpdatedAt(), t.getVersion());
    }

    /** What a person typed, for {@code like '%' || search_text(:q) || '%'}: their % and _ match literally. */
    private static String escapeLike(String text) {
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

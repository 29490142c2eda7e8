package fr.passerelle.campaign;

import fr.passerelle.base.PublicAddress;
import fr.passerelle.base.Translations;
import fr.passerelle.campaign.internal.TemplateRenderer;
import fr.passerelle.mail.OutgoingMail;
import fr.passerelle.optout.UnsubscribeHeaders;
import fr.passerelle.optout.UnsubscribeTokens;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A campaign's message for one recipient: the frozen snapshot rendered with the template renderer for the campaign's
 * sender, the portal link carrying the campaign, the recipient's own unsubscribe link in the footer and in the
 * {@code List-Unsubscribe} / {@code List-Unsubscribe-Post} headers. Shared by the composer and the test send.
 */
@Component
class CampaignMessages {

    /** The outbox kind of a campaign's messages, written by {@link CampaignComposer}. */
    static final String KIND = "campaign.message";
    /** The outbox kind of a test sent to oneself (stored, not composed). */
    static final String TEST_KIND = "campaign.test";

    private final Translations translations;
    private final PublicAddress publicAddress;
    private final UnsubscribeTokens tokens;
    private final JdbcClient jdbc;
    private final SenderIdentity defaultSender;
    private final Map<SenderIdentity, TemplateRenderer> renderers = new ConcurrentHashMap<>();

    CampaignMessages(Translations translations, PublicAddress publicAddress, UnsubscribeTokens tokens, JdbcClient jdbc,
                     @Value("${passerelle.campaign.sender-name:}") String senderName,
                     @Value("${passerelle.campaign.sender-address:}") String senderAddress) {
        this.translations = translations;
        this.publicAddress = publicAddress;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.defaultSender = new SenderIdentity(senderName.isBlank()
                ? translations.getTranslation("campaign.sender.default-name", Translations.FRENCH) : senderName.strip(),
                senderAddress.strip());
    }

    /** What is sent: the template's content, the sender and the reply-to address, as frozen at launch. */
    record Snapshot(long campaignId, TemplateContent content, SenderIdentity sender, @Nullable String replyTo) {
    }

    /** A contact as the merge fields name it, with what decides whether they may still get the message. */
    record Person(long contactId, @Nullable String firstName, @Nullable String lastName, @Nullable String email,
                  String emailStatus, @Nullable String companyName, @Nullable String referentName) {
    }

    SenderIdentity defaultSender() {
        return defaultSender;
    }

    /** What stops a test or a launch: refused tags and fields that are not merge fields. */
    List<TemplateWarning> problems(TemplateContent content) {
        return renderer(defaultSender).check(content).stream()
                .filter(w -> w.blocking() || w.kind() == TemplateWarning.Kind.UNKNOWN_FIELD).toList();
    }

    /** The frozen snapshots of those campaigns that have one, by campaign id, in one query. */
    Map<Long, Snapshot> snapshots(Collection<Long> campaignIds) {
        Map<Long, Snapshot> snapshots = new HashMap<>();
        jdbc.sql("""
                        select id, subject, html_body, text_body, sender_name, sender_postal_address, reply_to
                        from campaign where id = any(:ids) and subject is not null""")
                .param("ids", campaignIds.toArray(Long[]::new))
                .query((rs, row) -> new Snapshot(rs.getLong("id"),
                        new TemplateContent(rs.getString("subject"), rs.getString("html_body"), rs.getString("text_body")),
                        new SenderIdentity(rs.getString("sender_name"), rs.getString("sender_postal_address")),
                        rs.getString("reply_to")))
                .list().forEach(s -> snapshots.put(s.campaignId(), s));
        return snapshots;
    }

    /**
     * The contacts, their companies and referents, in one query (a read model over the partner tables, as the segments'
     * SQL, decision record 022). A deleted contact is not in the answer.
     */
    Map<Long, Person> people(Collection<Long> contactIds) {
        Map<Long, Person> people = new HashMap<>();
        jdbc.sql("""
                        select k.id, k.first_name, k.last_name, k.email, k.email_status,
                               coalesce(c.trade_name, c.legal_name) as company_name, u.display_name as referent_name
                        from contact k join company c on c.id = k.company_id left join app_user u on u.id = c.owner_id
                        where k.id = any(:ids)""")
                .param("ids", contactIds.toArray(Long[]::new))
                .query((rs, row) -> new Person(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("email"), rs.getString("email_status"), rs.getString("company_name"),
                        rs.getString("referent_name")))
                .list().forEach(p -> people.put(p.contactId(), p));
        return people;
    }

    /** Example values for a test without a chosen contact: the tester stands for the referent. */
    Person example(String testerName) {
        return new Person(0, french("campaignsend.example.first-name"), french("campaignsend.example.last-name"), null, "ACTIVE",
                french("campaignsend.example.company"), testerName);
    }

    /** The message for the address, rendered for the person, with its unsubscribe headers. */
    OutgoingMail message(Snapshot snapshot, String address, Person person) {
        UnsubscribeHeaders headers = tokens.headers(address, snapshot.campaignId());
        var values = new MergeValues(person.firstName(), person.lastName(), person.companyName(), person.referentName(),
                publicAddress.link(TemplateService.PORTAL_PATH, "campagne", snapshot.campaignId()).toString(),
                headers.page().toString());
        RenderedMessage rendered = renderer(snapshot.sender()).render(snapshot.content(), values);
        return new OutgoingMail(List.of(address), rendered.subject(), rendered.text(), rendered.html(), snapshot.replyTo(),
                headers.asMap());
    }

    String french(String key, Object... arguments) {
        return translations.getTranslation(key, Translations.FRENCH, arguments);
    }

    /** One renderer per sender: the footer names the campaign's own. */
    private TemplateRenderer renderer(SenderIdentity sender) {
        return renderers.computeIfAbsent(sender, s -> new TemplateRenderer(translations, s));
    }
}

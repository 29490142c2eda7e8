package fr.passerelle.template;

import fr.passerelle.base.Translations;
import fr.passerelle.template.internal.TemplateRenderer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Templates rendered for a module that sends them, without a signed-in person: the campaign's composer renders its
 * frozen snapshot for each recipient, with the campaign's own sender in the footer. The default sender is
 * {@code PASSERELLE_CAMPAIGN_SENDER_NAME} and {@code _ADDRESS}, or the network's name from the translation file.
 */
@Component
public class TemplateRendering {

    private final Translations translations;
    private final SenderIdentity defaultSender;
    private final Map<SenderIdentity, TemplateRenderer> renderers = new ConcurrentHashMap<>();

    TemplateRendering(Translations translations,
                      @Value("${passerelle.campaign.sender-name:}") String senderName,
                      @Value("${passerelle.campaign.sender-address:}") String senderAddress) {
        this.translations = translations;
        this.defaultSender = new SenderIdentity(senderName.isBlank()
                ? translations.getTranslation("template.sender.default-name", Translations.FRENCH) : senderName.strip(),
                senderAddress.strip());
    }

    public SenderIdentity defaultSender() {
        return defaultSender;
    }

    /** Refused tags and unknown merge fields, whoever the template goes to (French messages). */
    public List<TemplateWarning> check(TemplateContent content) {
        return renderer(defaultSender).check(content);
    }

    /** The message for those values, its footer naming that sender; the content must pass {@link #check} first. */
    public RenderedMessage render(TemplateContent content, MergeValues values, SenderIdentity sender) {
        return renderer(sender).render(content, values);
    }

    /** One renderer per sender: the footer names it. */
    TemplateRenderer renderer(SenderIdentity sender) {
        return renderers.computeIfAbsent(sender, s -> new TemplateRenderer(translations, s));
    }
}

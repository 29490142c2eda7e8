package fr.passerelle.campaign.internal;

import fr.passerelle.base.Translations;
import fr.passerelle.campaign.SenderIdentity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The renderer with the sender every footer names ({@code PASSERELLE_CAMPAIGN_SENDER_NAME}, {@code _ADDRESS}). */
@Configuration(proxyBeanMethods = false)
class RendererConfiguration {

    @Bean
    TemplateRenderer templateRenderer(Translations translations,
                                      @Value("${passerelle.campaign.sender-name:}") String name,
                                      @Value("${passerelle.campaign.sender-address:}") String postalAddress) {
        String sender = name.isBlank() ? translations.getTranslation("campaign.sender.default-name", Translations.FRENCH) : name.strip();
        return new TemplateRenderer(translations, new SenderIdentity(sender, postalAddress.strip()));
    }
}

package fr.passerelle.partner.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import fr.passerelle.partner.EmailStatus;
import fr.passerelle.partner.EngagementStatus;
import fr.passerelle.partner.PipelineStage;
import java.util.Locale;

/** Small coloured labels for a stage or a status; the text always says it, the colour only helps. */
final class Badges {

    private Badges() {
    }

    static Span stage(PipelineStage stage) {
        return badge(stage.translationKey(), "stage-" + cssName(stage));
    }

    static Span engagementStatus(EngagementStatus status) {
        return badge(status.translationKey(), "engagement-" + cssName(status));
    }

    static Span emailStatus(EmailStatus status) {
        return badge(status.translationKey(), "email-" + cssName(status));
    }

    private static Span badge(String textKey, String variant) {
        var badge = new Span(UI.getCurrent().getTranslation(textKey));
        badge.addClassNames("badge", variant);
        return badge;
    }

    private static String cssName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

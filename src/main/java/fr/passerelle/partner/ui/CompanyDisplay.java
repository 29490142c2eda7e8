package fr.passerelle.partner.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.NafSubClass;
import fr.passerelle.security.StaffMember;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How companies' values read on screen, the same in the list, the form and the merge preview. */
final class CompanyDisplay {

    private CompanyDisplay() {
    }

    /** "130 005 481 21800" for a stored SIRET; nothing for an organisation without one; anything else as it is. */
    static String siret(@Nullable String siret) {
        if (siret == null) {
            return "";
        }
        return siret.matches("[0-9]{14}")
                ? siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " " + siret.substring(9)
                : siret;
    }

    /**
     * The kind of partner: a badge for an organisation that is not a company (decision record 015), plain text for a
     * company, so that the organisations stand out in a list of companies.
     */
    static Span kindBadge(PartnerKind kind) {
        var badge = new Span(UI.getCurrent().getTranslation(kind.translationKey()));
        if (kind != PartnerKind.COMPANY) {
            badge.getElement().getThemeList().add("badge");
        }
        badge.addClassName("kind-badge");
        return badge;
    }

    /** The stage as a coloured Lumo badge; the colour only repeats what the text says. */
    static Span stageBadge(PipelineStage stage) {
        var badge = new Span(UI.getCurrent().getTranslation(stage.translationKey()));
        badge.getElement().getThemeList().add(switch (stage) {
            case PROSPECT -> "badge";
            case CONTACTED -> "badge contrast";
            case IN_DISCUSSION -> "badge warning";
            case PARTNER -> "badge success";
            case DORMANT -> "badge contrast small";
            case DECLINED -> "badge error";
        });
        badge.addClassName("stage-badge");
        return badge;
    }

    static String department(DepartmentSummary department) {
        return department.code() + " – " + department.name();
    }

    static String naf(NafSubClass naf) {
        return naf.code() + " — " + naf.label();
    }

    /** "F – Construction": INSEE writes section labels in capitals, which read as shouting. */
    static String section(String code, String label) {
        String lower = label.toLowerCase(Locale.FRENCH);
        return code + " – " + (lower.isEmpty() ? "" : lower.substring(0, 1).toUpperCase(Locale.FRENCH) + lower.substring(1));
    }

    static String referent(StaffMember member) {
        return member.dispCode() == null ? member.displayName() : member.displayName() + " (" + member.dispCode() + ")";
    }
}

package fr.passerelle.partner.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.passerelle.partner.DuplicateCandidate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Companies that may be the one being entered (same SIREN, or a similar name in the same department),
 * each with a way to open it and, when a company is being edited, to merge it.
 */
final class DuplicateWarning extends Div {

    private final Consumer<DuplicateCandidate> open;
    private final @Nullable Consumer<DuplicateCandidate> merge;
    private final UnorderedList candidates = new UnorderedList();

    DuplicateWarning(Consumer<DuplicateCandidate> open, @Nullable Consumer<DuplicateCandidate> merge) {
        this.open = open;
        this.merge = merge;
        addClassName("duplicate-warning");
        getElement().setAttribute("role", "alert");
        var title = new H3(getTranslation("companies.duplicates.title"));
        title.addComponentAsFirst(VaadinIcon.WARNING.create());
        candidates.addClassName("duplicate-candidates");
        add(title, new Paragraph(getTranslation("companies.duplicates.text")), candidates);
        setVisible(false);
    }

    void show(List<DuplicateCandidate> found) {
        candidates.removeAll();
        found.forEach(candidate -> candidates.add(item(candidate)));
        setVisible(!found.isEmpty());
    }

    boolean isShown() {
        return isVisible();
    }

    private ListItem item(DuplicateCandidate candidate) {
        var name = new Button(candidate.legalName(), e -> open.accept(candidate));
        name.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        name.setAriaLabel(getTranslation("companies.duplicates.open", candidate.legalName()));
        name.addClassName("duplicate-name");
        String why = getTranslation(candidate.sameSiren() ? "companies.duplicates.same-siren" : "companies.duplicates.similar-name");
        var facts = new Span(Stream.of(CompanyDisplay.siret(candidate.siret()),
                candidate.commune().isBlank() ? candidate.departmentCode() : candidate.commune() + " (" + candidate.departmentCode() + ")",
                why).filter(fact -> !fact.isEmpty()).collect(Collectors.joining(" · ")));
        facts.addClassName("duplicate-facts");
        var item = new ListItem(name, facts);
        if (merge != null) {
            var mergeButton = new Button(getTranslation("companies.merge.action"), e -> merge.accept(candidate));
            mergeButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            mergeButton.setAriaLabel(getTranslation("companies.duplicates.merge", candidate.legalName()));
            item.add(mergeButton);
        }
        return item;
    }
}

package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import fr.passerelle.offer.OfferSuggestion;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Offers Passerelle suggests for the cohort (decision record 017), ranked, each with why in words ("même métier
 * F1603 — 35 km"), and a button that links it.
 */
class SuggestedOffersPanel extends Composite<Div> {

    static final int SHOWN = 20;

    final Grid<OfferSuggestion> grid = new Grid<>(OfferSuggestion.class, false);

    SuggestedOffersPanel(Consumer<OfferSuggestion> link) {
        var title = new H3(getTranslation("cohort.suggestions.title"));
        var help = new Paragraph(getTranslation("cohort.suggestions.help", SHOWN));
        help.addClassName("cohort-section-help");
        grid.addColumn(s -> s.offer().title()).setHeader(getTranslation("cohort.offer.field.title")).setKey("title").setFlexGrow(2);
        grid.addColumn(s -> s.offer().companyName()).setHeader(getTranslation("cohort.offer.field.company")).setKey("company")
                .setFlexGrow(2);
        grid.addColumn(s -> s.offer().romeCode()).setHeader(getTranslation("cohort.offer.field.rome")).setKey("rome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.offer().positions()).setHeader(getTranslation("cohort.offer.field.positions")).setKey("positions")
                .setAutoWidth(true);
        grid.addColumn(s -> Objects.requireNonNullElse(s.offer().departmentCode(), "")).setHeader(getTranslation("cohort.offer.field.department"))
                .setKey("department").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.match().explanation(this::getTranslation)).setHeader(getTranslation("cohort.suggestions.why"))
                .setKey("why").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(suggestion -> {
            var button = new Button(getTranslation("cohort.suggestions.link"), VaadinIcon.LINK.create(), e -> link.accept(suggestion));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.setAriaLabel(getTranslation("cohort.suggestions.link.aria", suggestion.offer().title(), suggestion.offer().companyName()));
            return button;
        })).setHeader(getTranslation("cohort.column.actions")).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addClassName("suggested-offer-grid");
        grid.setEmptyStateText(getTranslation("cohort.suggestions.empty"));
        getContent().addClassName("cohort-suggestions");
        getContent().add(title, help, grid);
    }

    void show(List<OfferSuggestion> suggestions) {
        grid.setItems(suggestions);
    }
}

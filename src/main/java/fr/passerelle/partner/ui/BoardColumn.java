package fr.passerelle.partner.ui;

import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PipelineStage;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One stage of the pipeline board: its name and total, the most recently updated companies, and a
 * link to the companies list when the stage has more. A company dropped on it moves to this stage.
 */
class BoardColumn extends Section {

    private final PipelineStage stage;
    private final Span total = new Span();
    private final Div cards = new Div();
    private final Paragraph empty = new Paragraph();
    private final Anchor more = new Anchor();

    BoardColumn(PipelineStage stage, boolean acceptsDrops, BiConsumer<CompanySummary, PipelineStage> onDrop) {
        this.stage = stage;
        String stageName = stage.name().toLowerCase(Locale.ROOT);
        addClassNames("pipeline-column", "stage-" + stageName);
        String headingId = "pipeline-stage-" + stageName;
        var heading = new H2(getTranslation(stage.translationKey()));
        heading.setId(headingId);
        total.addClassName("pipeline-column-total");
        var header = new Header(heading, total);
        header.addClassName("pipeline-column-header");
        getElement().setAttribute("aria-labelledby", headingId);

        cards.addClassName("pipeline-cards");
        cards.getElement().setAttribute("role", "list");
        empty.addClassName("pipeline-column-empty");
        empty.setText(getTranslation("board.column.empty"));
        more.addClassName("pipeline-column-more");
        // The companies list, where every company of the stage can be found.
        more.setHref("entreprises");
        add(header, cards, empty, more);

        if (acceptsDrops) {
            DropTarget<BoardColumn> drop = DropTarget.create(this);
            drop.setDropEffect(DropEffect.MOVE);
            drop.addDropListener(event -> event.getDragData()
                    .filter(CompanySummary.class::isInstance)
                    .map(CompanySummary.class::cast)
                    .ifPresent(company -> onDrop.accept(company, stage)));
        }
    }

    void show(List<CompanySummary> companies, long count, Function<CompanySummary, CompanyCard> card) {
        total.setText(String.valueOf(count));
        cards.getElement().setAttribute("aria-label", getTranslation("board.column.label", getTranslation(stage.translationKey()), count));
        cards.removeAll();
        companies.forEach(company -> cards.add(card.apply(company)));
        empty.setVisible(companies.isEmpty());
        long hidden = count - companies.size();
        more.setVisible(hidden > 0);
        more.setText(getTranslation("board.column.more", hidden));
        more.getElement().setAttribute("aria-label", getTranslation("board.column.more.label", hidden, getTranslation(stage.translationKey())));
    }

    PipelineStage stage() {
        return stage;
    }

    List<CompanyCard> cards() {
        return cards.getChildren().map(CompanyCard.class::cast).toList();
    }
}

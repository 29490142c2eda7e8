package fr.passerelle.partner.ui;

import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PipelineStage;
import java.util.function.BiConsumer;

/**
 * A company on the pipeline board: its name (a link to its page), where it is, who follows it. When the
 * person may change it, it can be dragged to another column, or moved with its "Déplacer vers…" menu,
 * which the keyboard reaches too.
 */
class CompanyCard extends Div {

    private final CompanySummary company;
    private final MenuBar moveMenu = new MenuBar();
    private final Anchor name;

    CompanyCard(CompanySummary company, boolean movable, BiConsumer<CompanySummary, PipelineStage> onMove) {
        this.company = company;
        addClassName("company-card");
        getElement().setAttribute("role", "listitem");

        String place = place(company);
        String owner = company.ownerName() == null ? getTranslation("board.card.no-owner")
                : getTranslation("board.card.owner", company.ownerName());
        getElement().setAttribute("aria-label", getTranslation("board.card.label", company.displayName(), place, owner));

        // By address: the company page belongs to another part of the partner screens.
        name = new Anchor("entreprises/" + company.id(), company.displayName());
        name.addClassName("company-card-name");
        // Dragging from the name drags the card, not the link.
        name.getElement().setAttribute("draggable", "false");
        var where = new Span(place);
        where.addClassName("company-card-place");
        var follower = new Span(owner);
        follower.addClassName("company-card-owner");
        add(name, where, follower);

        if (movable) {
            addClassName("movable");
            DragSource<CompanyCard> drag = DragSource.create(this);
            drag.setDragData(company);
            drag.setEffectAllowed(EffectAllowed.MOVE);
            add(moveMenu(onMove));
        }
    }

    private MenuBar moveMenu(BiConsumer<CompanySummary, PipelineStage> onMove) {
        moveMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        moveMenu.addClassName("company-card-move");
        var root = moveMenu.addItem(VaadinIcon.ARROWS_LONG_RIGHT.create());
        root.add(getTranslation("board.card.move"));
        root.setAriaLabel(getTranslation("board.card.move.label", company.displayName()));
        for (PipelineStage stage : PipelineStage.values()) {
            if (stage != company.stage()) {
                root.getSubMenu().addItem(getTranslation(stage.translationKey()), e -> onMove.accept(company, stage));
            }
        }
        return moveMenu;
    }

    private static String place(CompanySummary company) {
        String commune = company.commune() == null || company.commune().isBlank() ? "" : company.commune() + " ";
        return commune + "(" + company.departmentCode() + ")";
    }

    /** Keyboard users keep their place after a move: on the card, in its new column. */
    void focusName() {
        name.focus();
    }

    CompanySummary company() {
        return company;
    }

    MenuBar moveMenu() {
        return moveMenu;
    }
}

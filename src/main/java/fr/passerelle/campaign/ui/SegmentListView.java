package fr.passerelle.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.campaign.SegmentService;
import fr.passerelle.campaign.SegmentSummary;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Pageable;

/** The saved segments, paged from the database; a row opens its editor (read only for referents). */
@Route("campagnes/segments")
@Menu(order = 40, title = "campaign.nav.segments", icon = "vaadin:filter")
@RolesAllowed({Role.ADMIN_NAME, Role.COMMUNICATION_NAME, Role.REFERENT_NAME})
class SegmentListView extends Main implements HasDynamicTitle {

    final Grid<SegmentSummary> grid = new Grid<>(SegmentSummary.class, false);

    SegmentListView(SegmentService segments) {
        addClassNames("list-view", "segment-list-view");
        setSizeFull();
        var spacer = new Div();
        spacer.addClassName("toolbar-spacer");
        var toolbar = new ViewToolbar(spacer);
        if (segments.canManage()) {
            var create = new Button(getTranslation("campaign.segment.create"), VaadinIcon.PLUS.create(),
                    e -> SegmentEditorView.open(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        grid.addColumn(SegmentSummary::name).setHeader(getTranslation("campaign.field.name")).setKey("name").setFlexGrow(3);
        grid.addColumn(SegmentSummary::ownerName).setHeader(getTranslation("campaign.column.owner")).setKey("owner").setAutoWidth(true);
        grid.addColumn(s -> DisplayFormats.dateTime(s.updatedAt())).setHeader(getTranslation("campaign.column.updated"))
                .setKey("updated").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItemsPageable(segments::page, (Pageable pageable) -> segments.countSegments());
        grid.getLazyDataView().setIdentifierProvider(SegmentSummary::id);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(getTranslation("campaign.segment.empty"));
        grid.addItemClickListener(e -> SegmentEditorView.open(e.getItem().id()));
        add(toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaign.segment.list.title");
    }
}

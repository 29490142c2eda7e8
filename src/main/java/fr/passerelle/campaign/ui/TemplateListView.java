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
import fr.passerelle.campaign.TemplateService;
import fr.passerelle.campaign.TemplateSummary;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Pageable;

/** The campaign templates, paged from the database; a row opens its editor with the preview. */
@Route("campagnes/modeles")
@Menu(order = 41, title = "campaign.nav.templates", icon = "vaadin:envelope-open-o")
@RolesAllowed({Role.ADMIN_NAME, Role.COMMUNICATION_NAME, Role.REFERENT_NAME})
class TemplateListView extends Main implements HasDynamicTitle {

    final Grid<TemplateSummary> grid = new Grid<>(TemplateSummary.class, false);

    TemplateListView(TemplateService templates, SegmentService segments) {
        addClassNames("list-view", "template-list-view");
        setSizeFull();
        var spacer = new Div();
        spacer.addClassName("toolbar-spacer");
        var toolbar = new ViewToolbar(spacer);
        if (segments.canManage()) {
            var create = new Button(getTranslation("campaign.template.create"), VaadinIcon.PLUS.create(),
                    e -> TemplateEditorView.open(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        grid.addColumn(TemplateSummary::name).setHeader(getTranslation("campaign.field.name")).setKey("name").setFlexGrow(2);
        grid.addColumn(TemplateSummary::subject).setHeader(getTranslation("campaign.field.subject")).setKey("subject").setFlexGrow(3);
        grid.addColumn(TemplateSummary::ownerName).setHeader(getTranslation("campaign.column.owner")).setKey("owner").setAutoWidth(true);
        grid.addColumn(t -> DisplayFormats.dateTime(t.updatedAt())).setHeader(getTranslation("campaign.column.updated"))
                .setKey("updated").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItemsPageable(templates::page, (Pageable pageable) -> templates.countTemplates());
        grid.getLazyDataView().setIdentifierProvider(TemplateSummary::id);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(getTranslation("campaign.template.empty"));
        grid.addItemClickListener(e -> TemplateEditorView.open(e.getItem().id()));
        add(toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaign.template.list.title");
    }
}

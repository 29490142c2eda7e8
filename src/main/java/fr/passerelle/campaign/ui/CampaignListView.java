package fr.passerelle.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.campaign.CampaignService;
import fr.passerelle.campaign.CampaignState;
import fr.passerelle.campaign.CampaignSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import org.springframework.data.domain.Pageable;

/** The campaigns, the newest first, paged from the database and filtered by state; a row opens the campaign's page. */
@Route("campagnes/envois")
@Menu(order = 39, title = "campaignsend.nav", icon = "vaadin:paperplane")
@RolesAllowed({Role.ADMIN_NAME, Role.COMMUNICATION_NAME, Role.REFERENT_NAME})
class CampaignListView extends Main implements HasDynamicTitle {

    final Select<CampaignState> state = new Select<>();
    final Grid<CampaignSummary> grid = new Grid<>(CampaignSummary.class, false);

    CampaignListView(CampaignService campaigns) {
        addClassNames("list-view", "campaign-list-view");
        setSizeFull();
        state.setLabel(getTranslation("campaignsend.field.state"));
        state.setItems(CampaignState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("campaignsend.state.all"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("campaignsend.state.all") : getTranslation(s.translationKey()));
        var spacer = new Div();
        spacer.addClassName("toolbar-spacer");
        var toolbar = new ViewToolbar(state, spacer);
        if (campaigns.canManage()) {
            var create = new Button(getTranslation("campaignsend.create"), VaadinIcon.PLUS.create(), e -> CampaignEditorView.open(null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        grid.addColumn(CampaignSummary::name).setHeader(getTranslation("campaign.field.name")).setKey("name").setFlexGrow(3);
        grid.addColumn(c -> getTranslation(c.state().translationKey())).setHeader(getTranslation("campaignsend.field.state"))
                .setKey("state").setAutoWidth(true);
        grid.addColumn(c -> Objects.toString(c.segmentName(), "")).setHeader(getTranslation("campaignsend.field.segment"))
                .setKey("segment").setFlexGrow(2);
        grid.addColumn(c -> Objects.toString(c.templateName(), "")).setHeader(getTranslation("campaignsend.field.template"))
                .setKey("template").setFlexGrow(2);
        grid.addColumn(c -> DisplayFormats.dateTime(c.scheduledAt())).setHeader(getTranslation("campaignsend.field.scheduled-at"))
                .setKey("scheduled").setAutoWidth(true);
        grid.addColumn(c -> DisplayFormats.dateTime(c.launchedAt())).setHeader(getTranslation("campaignsend.field.launched-at"))
                .setKey("launched").setAutoWidth(true);
        grid.addColumn(c -> DisplayFormats.dateTime(c.finishedAt())).setHeader(getTranslation("campaignsend.field.finished-at"))
                .setKey("finished").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItemsPageable(pageable -> campaigns.page(state.getValue(), pageable),
                (Pageable pageable) -> campaigns.count(state.getValue()));
        grid.getLazyDataView().setIdentifierProvider(CampaignSummary::id);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(getTranslation("campaignsend.empty"));
        grid.addItemClickListener(e -> CampaignView.open(e.getItem().id()));
        state.addValueChangeListener(e -> grid.getLazyDataView().refreshAll());
        add(toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaignsend.list.title");
    }
}

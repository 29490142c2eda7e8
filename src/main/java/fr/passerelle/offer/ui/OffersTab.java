package fr.passerelle.offer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.offer.OfferSummary;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.companypage.CompanyTab;
import java.util.List;

/**
 * The company page's "Offres" tab: the company's offers with their states, and a new one for those who enter offers.
 * A bean ({@link OfferServicesConfiguration}) the company page finds through partner's {@link CompanyTab} port.
 */
class OffersTab implements CompanyTab {

    private final OfferFormDialog.Services services;

    OffersTab(OfferFormDialog.Services services) {
        this.services = services;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleKey() {
        return "offer.tab.title";
    }

    @Override
    public String icon() {
        return "vaadin:briefcase";
    }

    @Override
    public boolean shownTo(SignedInUser user) {
        return true;
    }

    @Override
    public Component content(CompanyDetails company) {
        return new Content(company);
    }

    /** The tab itself, built for each visit of the page. */
    final class Content extends Div {

        private final CompanyDetails company;
        private final Grid<OfferSummary> grid = new Grid<>(OfferSummary.class, false);
        private final Paragraph empty = new Paragraph();

        Content(CompanyDetails company) {
            this.company = company;
            addClassNames("company-tab", "company-offers");
            if (services.offers().canCreate()) {
                var create = new Button(getTranslation("offer.tab.create"), VaadinIcon.PLUS.create(),
                        e -> new OfferFormDialog(services, null, company.id(), saved -> refresh()).open());
                create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                var toolbar = new Div(create);
                toolbar.addClassName("tab-toolbar");
                add(toolbar);
            }
            grid.addColumn(OfferSummary::title).setHeader(getTranslation("offer.field.title")).setKey("title").setFlexGrow(3);
            grid.addColumn(o -> getTranslation(o.type().translationKey())).setHeader(getTranslation("offer.field.type"))
                    .setKey("type").setAutoWidth(true);
            grid.addColumn(OfferSummary::positions).setHeader(getTranslation("offer.field.positions")).setKey("positions")
                    .setAutoWidth(true).setFlexGrow(0);
            grid.addComponentColumn(o -> OfferDisplay.statusBadge(o.status())).setHeader(getTranslation("offer.field.status"))
                    .setKey("status").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(o -> DisplayFormats.date(o.startDate())).setHeader(getTranslation("offer.field.start")).setKey("start")
                    .setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(o -> DisplayFormats.date(o.endDate())).setHeader(getTranslation("offer.field.end")).setKey("end")
                    .setAutoWidth(true).setFlexGrow(0);
            grid.addComponentColumn(this::actions).setHeader(getTranslation("offer.tab.actions")).setKey("actions").setAutoWidth(true);
            grid.setAllRowsVisible(true);
            grid.addClassName("offer-tab-grid");
            grid.setAriaLabel(getTranslation("offer.tab.title"));
            empty.setText(getTranslation("offer.tab.empty"));
            empty.addClassName("empty-state");
            add(grid, empty);
            refresh();
        }

        private Component actions(OfferSummary offer) {
            var open = new Button(VaadinIcon.EDIT.create(), e -> services.offers().get(offer.id()).ifPresent(details ->
                    new OfferFormDialog(services, details, company.id(), saved -> refresh()).open()));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            open.setAriaLabel(getTranslation("offer.tab.open", offer.title()));
            var row = new Div(open, new OfferStatusActions(services.offers(), offer.id(), offer.title(), offer.status(),
                    services.offers().canEdit(offer.dispCode()), this::refresh));
            row.addClassName("offer-row-actions");
            return row;
        }

        void refresh() {
            List<OfferSummary> offers = services.offers().offersOf(company.id());
            grid.setItems(offers);
            grid.setVisible(!offers.isEmpty());
            empty.setVisible(offers.isEmpty());
        }
    }
}

package fr.passerelle.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import fr.passerelle.offer.CompanyOffer;
import fr.passerelle.offer.CompanyOfferService;
import fr.passerelle.reference.ReferenceService;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The company's offers in its space, newest first, each with what can be done to it; and a way to add another. */
final class CompanyOffersSection extends Section {

    private final CompanyOfferService offers;
    private final ReferenceService reference;
    private final UnorderedList list = new UnorderedList();
    private final Paragraph none = new Paragraph();
    private final Paragraph added = new Paragraph();
    private final Button add = new Button();
    /** Made when asked for: its lists of trades, departments and establishments stay out of the session until then. */
    private @Nullable CompanyOfferForm form;

    CompanyOffersSection(CompanyOfferService offers, ReferenceService reference) {
        this.offers = offers;
        this.reference = reference;
        setId("offres");
        list.addClassName("portal-cards");
        list.getElement().setAttribute("aria-label", getTranslation("portal.space.offers.title"));
        none.setText(getTranslation("portal.space.offers.none"));
        added.addClassName("portal-message-success");
        added.getElement().setAttribute("role", "status");
        add.setText(getTranslation("portal.space.offers.add"));
        add.addClickListener(click -> openForm());
        add(new H2(getTranslation("portal.space.offers.title")), none, list, added, add);
        refresh();
    }

    private void openForm() {
        added.setText("");
        var opened = new CompanyOfferForm(offers, reference, this::offerAdded, this::closeForm);
        form = opened;
        add(opened);
        add.setVisible(false);
    }

    private void closeForm() {
        if (form != null) {
            remove(form);
            form = null;
        }
        add.setVisible(true);
    }

    private void offerAdded(CompanyOffer offer) {
        closeForm();
        refresh();
        added.setText(getTranslation("portal.space.offers.added", offer.title()));
    }

    private void refresh() {
        List<CompanyOffer> mine = offers.offers();
        list.removeAll();
        mine.forEach(offer -> list.add(new CompanyOfferCard(offers, offer)));
        none.setVisible(mine.isEmpty());
        list.setVisible(!mine.isEmpty());
    }
}

package fr.passerelle.partner.companypage;

import com.vaadin.flow.component.Component;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.partner.CompanyDetails;

/**
 * A tab another module adds to the company page (the offers module's "Offres"). The page places it by
 * {@link #order()} among its own tabs: contacts 10, engagements 20, timeline 40, tasks 50, history 60.
 */
public interface CompanyTab {

    int order();

    /** The translation key of the tab's title. */
    String titleKey();

    /** A Vaadin icon name, e.g. {@code vaadin:briefcase}. */
    String icon();

    /** Whether the person sees this tab at all. */
    boolean shownTo(SignedInUser user);

    /** The tab's content for this company; built each time the page is shown. */
    Component content(CompanyDetails company);
}

package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.portal.internal.DispContacts;
import fr.passerelle.portal.internal.PortalContact;
import java.util.List;

/** The portal's home: what a company can do with the prison network, how to start, and whom to talk to. */
@Route("portail")
@AnonymousAllowed
class PortalHomeView extends Div implements HasDynamicTitle {

    static final List<String> WAYS = List.of("workshop", "subcontracting", "hiring", "apprenticeship", "awareness");

    PortalHomeView(DispContacts contacts, PortalContact contact) {
        addClassName("portal-page");
        var intro = new Section(new H1(getTranslation("portal.home.title")), new Paragraph(getTranslation("portal.home.intro")),
                actions());
        intro.addClassName("portal-intro");

        var ways = new UnorderedList();
        ways.addClassName("portal-cards");
        for (String way : WAYS) {
            ways.add(new ListItem(new H3(getTranslation("portal.home.way." + way + ".title")),
                    new Paragraph(getTranslation("portal.home.way." + way + ".text"))));
        }
        var what = new Section(new H2(getTranslation("portal.home.ways.title")), ways);

        var disps = new UnorderedList();
        disps.addClassName("portal-cards");
        for (DispContacts.DispContact disp : contacts.all()) {
            disps.add(dispCard(disp, contact.email()));
        }
        var who = new Section(new H2(getTranslation("portal.home.contacts.title")),
                new Paragraph(getTranslation("portal.home.contacts.intro")), disps);
        add(intro, what, who);
    }

    private Component actions() {
        var declare = new Anchor("portail/declarer", getTranslation("portal.home.action.declare"));
        declare.addClassNames("portal-button", "portal-button-primary");
        var workshops = new Anchor("portail/ateliers", getTranslation("portal.home.action.workshops"));
        workshops.addClassName("portal-button");
        var signIn = new Anchor("portail/connexion", getTranslation("portal.home.action.sign-in"));
        signIn.addClassName("portal-button");
        var actions = new Div(declare, workshops, signIn);
        actions.addClassName("portal-actions");
        return actions;
    }

    private ListItem dispCard(DispContacts.DispContact disp, String email) {
        var item = new ListItem(new H3(disp.name()));
        item.add(new Paragraph(getTranslation("portal.home.contacts.regions", String.join(", ", disp.regions()))));
        if (!disp.referentNames().isEmpty()) {
            item.add(new Paragraph(getTranslation("portal.home.contacts.referents", String.join(", ", disp.referentNames()))));
        }
        var mail = new Anchor("mailto:" + email, email);
        item.add(new Paragraph(new com.vaadin.flow.component.html.Span(getTranslation("portal.home.contacts.write") + " "), mail));
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.home.page-title");
    }
}

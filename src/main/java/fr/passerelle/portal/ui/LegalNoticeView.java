package fr.passerelle.portal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.portal.internal.PortalContact;

/** The legal notice: who publishes the portal, what it keeps about company accounts, its one cookie. */
@Route("portail/mentions-legales")
@AnonymousAllowed
class LegalNoticeView extends Div implements HasDynamicTitle {

    LegalNoticeView(PortalContact contact) {
        addClassName("portal-page");
        add(new H1(getTranslation("portal.legal.title")));
        for (String part : new String[] {"publisher", "data", "cookies"}) {
            add(new Section(new H2(getTranslation("portal.legal." + part + ".title")),
                    new Paragraph(getTranslation("portal.legal." + part + ".text", contact.email()))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.legal.page-title");
    }
}

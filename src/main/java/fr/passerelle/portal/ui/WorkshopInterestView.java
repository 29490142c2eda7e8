package fr.passerelle.portal.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.portal.internal.PortalContact;
import fr.passerelle.portal.internal.WorkshopInterestRequests;
import fr.passerelle.workshop.CatalogueEntry;
import fr.passerelle.workshop.WorkshopService;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The "Je suis intéressé" page of one space of the catalogue ({@code /portail/ateliers/42/interet}): which space, the
 * form, then a confirmation. An id that is not a space of the public catalogue (unknown, withdrawn, not public, not a
 * number) gets one and the same "not found" answer.
 */
@Route("portail/ateliers/:spaceId/interet")
@AnonymousAllowed
@StyleSheet("styles/portal-workshops.css")
class WorkshopInterestView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final WorkshopService workshops;
    private final WorkshopInterestRequests requests;
    private final PortalContact contact;
    private boolean found;

    WorkshopInterestView(WorkshopService workshops, WorkshopInterestRequests requests, PortalContact contact) {
        this.workshops = workshops;
        this.requests = requests;
        this.contact = contact;
        addClassNames("portal-page", "workshop-interest");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CatalogueEntry> space = event.getRouteParameters().get("spaceId").filter(id -> ID.matcher(id).matches())
                .map(Long::parseLong).flatMap(workshops::catalogueEntry);
        found = space.isPresent();
        space.ifPresentOrElse(this::showForm, this::showNotFound);
    }

    private void showForm(CatalogueEntry space) {
        var about = new Section(new H2(getTranslation("portal.workshops.interest.space")),
                new Paragraph(getTranslation("portal.workshops.interest.space-text", space.label(), space.establishmentName(),
                        space.commune())),
                new Paragraph(space.referentName() == null
                        ? getTranslation("portal.workshops.interest.referent-of-disp", space.dispName())
                        : getTranslation("portal.workshops.interest.referent", space.referentName(), space.dispName())));
        about.addClassName("workshop-interest-space");
        var formSection = new Section(new H2(getTranslation("portal.workshops.interest.form")));
        formSection.add(new WorkshopInterestForm(space.spaceId(), space.dispName(), contact.email(), requests,
                email -> showSent(space, formSection)));
        add(new H1(getTranslation("portal.workshops.interest.title")), back(), about, formSection);
    }

    private void showSent(CatalogueEntry space, Section formSection) {
        formSection.removeAll();
        var heading = new H2(getTranslation("portal.workshops.interest.sent.title"));
        // Focused so that a screen reader reads the confirmation and a keyboard user carries on from it.
        heading.getElement().setAttribute("tabindex", "-1");
        var text = new Paragraph(getTranslation("portal.workshops.interest.sent.text", space.label(), space.dispName()));
        var status = new Div(heading, text);
        status.addClassName("workshop-interest-sent");
        status.getElement().setAttribute("role", "status");
        formSection.add(status, new Paragraph(new Anchor("portail/ateliers", getTranslation("portal.workshops.interest.sent.back"))));
        heading.getElement().callJsFunction("focus");
    }

    private void showNotFound() {
        add(new H1(getTranslation("portal.workshops.not-found.title")),
                new Paragraph(getTranslation("portal.workshops.not-found.text")),
                new Paragraph(new Anchor("portail/ateliers", getTranslation("portal.workshops.interest.back"))));
    }

    private Paragraph back() {
        var back = new Paragraph(new Anchor("portail/ateliers", getTranslation("portal.workshops.interest.back")));
        back.addClassName("workshop-back");
        return back;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(found ? "portal.workshops.interest.page-title" : "portal.workshops.not-found.page-title");
    }
}

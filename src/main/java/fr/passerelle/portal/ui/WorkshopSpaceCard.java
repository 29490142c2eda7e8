package fr.passerelle.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.workshop.Availability;
import fr.passerelle.workshop.CatalogueEntry;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One space of the public catalogue as a card: its name as a heading, where it is, its facts as a description list
 * (read as "term, value" by screen readers), and the link to the request form. Texts are set as text, never as HTML.
 */
final class WorkshopSpaceCard extends ListItem {

    WorkshopSpaceCard(CatalogueEntry space) {
        addClassName("workshop-card");
        // Reachable by script only, so that "Voir plus" can move the focus to the first new card.
        getElement().setAttribute("tabindex", "-1");
        var place = new Paragraph(placeOf(space));
        place.addClassName("workshop-card-place");
        add(new H3(space.label()), place, facts(space), interestLink(space));
    }

    static String interestPath(long spaceId) {
        return "portail/ateliers/" + spaceId + "/interet";
    }

    private String placeOf(CatalogueEntry space) {
        var parts = new ArrayList<String>();
        parts.add(space.establishmentName());
        parts.add(space.departmentCode() == null ? space.commune() : space.commune() + " (" + space.departmentCode() + ")");
        if (space.regionName() != null) {
            parts.add(space.regionName());
        }
        return String.join(" · ", parts);
    }

    private Component facts(CatalogueEntry space) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("area", getTranslation("portal.workshops.card.square-metres", squareMetres(space.areaM2())));
        facts.put("storage", space.storageM2() == null ? getTranslation("portal.workshops.card.not-given")
                : getTranslation("portal.workshops.card.square-metres", squareMetres(space.storageM2())));
        facts.put("loading-dock", getTranslation(space.loadingDock() ? "portal.workshops.card.yes" : "portal.workshops.card.no"));
        String category = getTranslation(space.activityCategory().translationKey());
        facts.put("activity", space.currentActivity() == null ? category : category + " – " + space.currentActivity());
        facts.put("availability", availabilityOf(space));
        facts.put("referent", space.referentName() == null
                ? getTranslation("portal.workshops.card.referent-of-disp", space.dispName()) : space.referentName());
        var list = new DescriptionList();
        list.addClassName("workshop-card-facts");
        facts.forEach((key, value) -> list.add(new DescriptionList.Term(getTranslation("portal.workshops.card." + key)),
                new DescriptionList.Description(value)));
        return list;
    }

    private String availabilityOf(CatalogueEntry space) {
        if (space.availability() == Availability.AVAILABLE_FROM && space.availableFrom() != null) {
            return getTranslation("workshop.availability.from", DisplayFormats.date(space.availableFrom()));
        }
        return getTranslation(space.availability().translationKey());
    }

    private String squareMetres(int value) {
        return NumberFormat.getIntegerInstance(getLocale() == null ? Locale.FRENCH : getLocale()).format(value);
    }

    private Anchor interestLink(CatalogueEntry space) {
        var link = new Anchor(interestPath(space.spaceId()), getTranslation("portal.workshops.card.interested"));
        link.addClassNames("portal-button", "portal-button-primary", "workshop-card-action");
        // The visible text first, then which space: every link of the list has its own name.
        link.getElement().setAttribute("aria-label", getTranslation("portal.workshops.card.interested-in",
                space.label(), space.establishmentName()));
        return link;
    }
}

package fr.passerelle.reference.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.passerelle.reference.EstablishmentDetails;
import java.text.NumberFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Everything the reference data says about the establishment selected in the list. */
class EstablishmentDetailPanel extends Composite<Aside> {

    /** Quarter codes with a translated explanation; any other code is shown as published. */
    private static final Set<String> KNOWN_QUARTERS = Set.of("MA/QMA", "CD/QCD", "MC/QMC", "CSL/QSL", "SAS", "EPM", "CNE", "EPSN");
    private static final String HEADING_ID = "establishment-detail-heading";

    private final Runnable onClose;

    EstablishmentDetailPanel(Runnable onClose) {
        this.onClose = onClose;
        getContent().addClassName("detail-panel");
        getContent().addClassName("establishment-detail");
        getContent().getElement().setAttribute("aria-labelledby", HEADING_ID);
        setVisible(false);
    }

    void show(EstablishmentDetails establishment) {
        var content = getContent();
        content.removeAll();

        var heading = new H2(establishment.name());
        heading.setId(HEADING_ID);
        var close = new Button(VaadinIcon.CLOSE.create(), e -> onClose.run());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(getTranslation("establishments.detail.close"));
        close.setTooltipText(getTranslation("establishments.detail.close"));
        var header = new Div(heading, close);
        header.addClassName("detail-header");
        content.add(header);
        if (!establishment.active()) {
            content.add(note(getTranslation("establishments.detail.inactive")));
        }

        var list = new DescriptionList();
        item(list, "establishments.detail.code", establishment.code());
        item(list, "establishments.detail.type", establishment.typeCode() + " – " + establishment.typeLabel());
        item(list, "establishments.detail.directory-name", establishment.directoryName() != null
                ? establishment.directoryName() : getTranslation("establishments.detail.directory-missing"));
        if (establishment.directoryNote() != null) {
            item(list, "establishments.detail.directory-note", establishment.directoryNote());
        }
        item(list, "establishments.detail.disp", establishment.dispCode() + " – " + establishment.dispName());
        item(list, "establishments.detail.quarters", quarters(establishment));
        item(list, "establishments.detail.commune", establishment.commune() + " (" + establishment.communeCode() + ")");
        if (establishment.departmentCode() != null) {
            item(list, "establishments.detail.department", establishment.departmentCode() + " – " + establishment.departmentName());
            item(list, "establishments.detail.region", establishment.regionCode() + " – " + establishment.regionName());
        }
        if (establishment.overseasCollectivityCode() != null) {
            item(list, "establishments.detail.overseas",
                    establishment.overseasCollectivityCode() + " – " + establishment.overseasCollectivityName());
        }
        item(list, "establishments.detail.address", address(establishment));
        item(list, "establishments.detail.coordinates", coordinates(establishment));
        if (establishment.qualityNote() != null) {
            item(list, "establishments.detail.quality-note", establishment.qualityNote());
        }
        content.add(list, note(getTranslation("establishments.detail.source")));
        setVisible(true);
    }

    void clear() {
        getContent().removeAll();
        setVisible(false);
    }

    private void item(DescriptionList list, String labelKey, String value) {
        list.add(new DescriptionList.Term(getTranslation(labelKey)), new DescriptionList.Description(value));
    }

    private void item(DescriptionList list, String labelKey, Component value) {
        list.add(new DescriptionList.Term(getTranslation(labelKey)), new DescriptionList.Description(value));
    }

    private Component quarters(EstablishmentDetails establishment) {
        var list = new UnorderedList();
        list.addClassName("quarters");
        for (String quarter : establishment.quarters()) {
            list.add(new ListItem(KNOWN_QUARTERS.contains(quarter)
                    ? quarter + " – " + getTranslation("establishments.quarter." + quarter) : quarter));
        }
        return list;
    }

    private Component address(EstablishmentDetails establishment) {
        var lines = new Div();
        lines.addClassName("address");
        if (establishment.address() == null && establishment.postcode() == null && establishment.city() == null) {
            lines.setText(getTranslation("establishments.detail.unknown"));
            return lines;
        }
        if (establishment.address() != null) {
            lines.add(new Div(establishment.address()));
        }
        lines.add(new Div(String.join(" ", nonNull(establishment.postcode()), nonNull(establishment.city())).strip()));
        return lines;
    }

    private Component coordinates(EstablishmentDetails establishment) {
        Double latitude = establishment.latitude();
        Double longitude = establishment.longitude();
        if (latitude == null || longitude == null) {
            return new Div(getTranslation("establishments.detail.unknown"));
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(6);
        var text = new Div(format.format(latitude) + " ; " + format.format(longitude));
        var map = new Anchor("https://www.openstreetmap.org/?mlat=%s&mlon=%s#map=15/%s/%s"
                .formatted(latitude, longitude, latitude, longitude), getTranslation("establishments.detail.map"));
        map.setTarget(AnchorTarget.BLANK);
        map.getElement().setAttribute("rel", "noopener noreferrer");
        return new Div(text, map);
    }

    private static Paragraph note(String text) {
        var paragraph = new Paragraph(text);
        paragraph.addClassName("detail-note");
        return paragraph;
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}

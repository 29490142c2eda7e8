package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.Siret;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Who the company is: name, identifiers, activity, size, where it is and which DISP it belongs to,
 * with its stage and the actions on it that the signed-in person may take.
 */
class CompanyHeader extends Composite<Header> {

    CompanyHeader(CompanyDetails company, Runnable changeStage, @Nullable Runnable edit) {
        var content = getContent();
        content.addClassName("company-header");

        var name = new H2(company.displayName());
        name.addClassName("company-name");
        var stage = Badges.stage(company.stage());
        stage.addClassName("company-stage");
        stage.setTitle(getTranslation("partner.field.stage"));

        var actions = new Div();
        actions.addClassName("company-actions");
        if (company.editable()) {
            var move = new Button(getTranslation("company.stage.change"), VaadinIcon.EXCHANGE.create(), e -> changeStage.run());
            actions.add(move);
            if (edit != null) {
                var modify = new Button(getTranslation("company.edit"), VaadinIcon.EDIT.create(), e -> edit.run());
                modify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                actions.add(modify);
            }
        }
        var kind = CompanyDisplay.kindBadge(company.kind());
        kind.addClassName("company-kind");
        kind.setTitle(getTranslation("partner.field.kind"));
        var title = new Div(name, kind, stage, actions);
        title.addClassName("company-title");
        content.add(title);

        if (company.declinedReason() != null) {
            content.add(note(getTranslation("company.header.declined-reason", company.declinedReason())));
        }
        if (!company.editable()) {
            var readOnly = note(getTranslation("company.read-only", company.dispCode()));
            readOnly.addClassName("read-only-note");
            content.add(readOnly);
        }
        content.add(facts(company));
    }

    private DescriptionList facts(CompanyDetails company) {
        var list = new DescriptionList();
        list.addClassName("company-facts");
        item(list, "partner.field.kind", getTranslation(company.kind().translationKey()));
        item(list, "partner.field.siret", company.siret() == null ? null
                : Siret.parse(company.siret()).map(Siret::formatted).orElse(company.siret()));
        if (company.tradeName() != null) {
            item(list, "partner.field.legal-name", company.legalName());
        }
        item(list, "partner.field.naf", company.nafCode() == null ? null
                : company.nafCode() + (company.nafLabel() == null ? "" : " – " + company.nafLabel()));
        item(list, "company.header.sector", company.sectionCode() == null ? null
                : company.sectionCode() + (company.sectionLabel() == null ? "" : " – " + company.sectionLabel()));
        item(list, "partner.field.workforce", company.workforceBracket() == null ? null
                : getTranslation(company.workforceBracket().translationKey()));
        item(list, "company.header.address", address(company));
        item(list, "company.header.location", company.departmentCode() + " – " + company.departmentName() + " · "
                + company.regionName() + " · " + company.dispCode());
        if (company.website() != null) {
            var website = new Anchor(company.website(), company.website());
            website.setTarget(AnchorTarget.BLANK);
            website.getElement().setAttribute("rel", "noopener noreferrer");
            item(list, "partner.field.website", website);
        }
        item(list, "partner.field.labels", company.labels().isEmpty() ? null : company.labels().stream()
                .sorted(Comparator.naturalOrder()).map(CompanyLabel::translationKey).map(this::getTranslation)
                .collect(Collectors.joining(", ")));
        item(list, "partner.field.owner", company.ownerName());
        item(list, "company.header.source", getTranslation(company.source().translationKey()));
        return list;
    }

    private static @Nullable String address(CompanyDetails company) {
        String town = Stream.of(company.postcode(), company.commune()).filter(Objects::nonNull).collect(Collectors.joining(" "));
        String address = Stream.of(company.street(), town).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return address.isEmpty() ? null : address;
    }

    private void item(DescriptionList list, String labelKey, @Nullable String value) {
        item(list, labelKey, new Span(value == null ? getTranslation("company.header.unknown") : value));
    }

    private void item(DescriptionList list, String labelKey, Component value) {
        // A <div> around each term and its description lets the facts flow in columns.
        list.add(new Div(new DescriptionList.Term(getTranslation(labelKey)), new DescriptionList.Description(value)));
    }

    private static Paragraph note(String text) {
        var paragraph = new Paragraph(text);
        paragraph.addClassName("detail-note");
        return paragraph;
    }
}

package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PhoneNumbers;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The company's contact persons; those who may edit the company add, change and remove them. */
class ContactsTab extends Div {

    private final ContactService contacts;
    private final CompanyDetails company;
    private final Grid<ContactSummary> grid = new Grid<>(ContactSummary.class, false);
    private final FieldErrors<PartnerException> errors = new FieldErrors<>(this, PartnerException.class, "company.error.not-allowed");

    ContactsTab(ContactService contacts, CompanyDetails company) {
        this.contacts = contacts;
        this.company = company;
        addClassName("company-tab");

        if (company.editable()) {
            var add = new Button(getTranslation("company.contacts.add"), VaadinIcon.PLUS.create(), e -> open(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var toolbar = new Div(add);
            toolbar.addClassName("tab-toolbar");
            add(toolbar);
        }
        var primaryHeader = new Icon(VaadinIcon.STAR);
        primaryHeader.getElement().setAttribute("role", "img");
        primaryHeader.getElement().setAttribute("aria-label", getTranslation("partner.field.primary"));
        grid.addComponentColumn(this::primaryMark).setHeader(primaryHeader).setKey("primary")
                .setWidth("3.5rem").setFlexGrow(0);
        grid.addColumn(ContactSummary::fullName).setHeader(getTranslation("partner.field.last-name")).setKey("name").setFlexGrow(2);
        grid.addColumn(c -> c.jobTitle() == null ? "" : c.jobTitle()).setHeader(getTranslation("partner.field.job-title"))
                .setKey("jobTitle").setFlexGrow(2);
        grid.addComponentColumn(this::emailLink).setHeader(getTranslation("partner.field.email")).setKey("email").setFlexGrow(3)
                .setTooltipGenerator(c -> c.email() == null ? "" : c.email());
        grid.addColumn(c -> c.phone() == null ? "" : PhoneNumbers.display(c.phone())).setHeader(getTranslation("partner.field.phone"))
                .setKey("phone").setAutoWidth(true);
        grid.addComponentColumn(c -> Badges.emailStatus(c.emailStatus())).setHeader(getTranslation("partner.field.email-status"))
                .setKey("emailStatus").setAutoWidth(true);
        if (company.editable()) {
            grid.addComponentColumn(this::actions).setHeader(getTranslation("company.actions")).setKey("actions")
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("company.contacts.empty"));
        grid.setAriaLabel(getTranslation("company.tab.contacts"));
        add(grid);
        addAttachListener(e -> refresh());
    }

    void refresh() {
        List<ContactSummary> items = contacts.ofCompany(company.id());
        grid.setItems(items);
    }

    private Component primaryMark(ContactSummary contact) {
        if (!contact.primary()) {
            return new Span();
        }
        var star = new Icon(VaadinIcon.STAR);
        star.addClassName("primary-star");
        star.getElement().setAttribute("role", "img");
        star.getElement().setAttribute("aria-label", getTranslation("partner.field.primary"));
        star.setTooltipText(getTranslation("partner.field.primary"));
        return star;
    }

    private Component emailLink(ContactSummary contact) {
        return contact.email() == null ? new Span() : new Anchor("mailto:" + contact.email(), contact.email());
    }

    private Component actions(ContactSummary contact) {
        var edit = new Button(VaadinIcon.EDIT.create(), e -> open(contact));
        edit.setAriaLabel(getTranslation("company.contacts.edit", contact.fullName()));
        edit.setTooltipText(getTranslation("company.contacts.edit", contact.fullName()));
        var delete = new Button(VaadinIcon.TRASH.create(), e -> delete(contact));
        delete.setAriaLabel(getTranslation("company.contacts.delete", contact.fullName()));
        delete.setTooltipText(getTranslation("company.contacts.delete", contact.fullName()));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var button : List.of(edit, delete)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        }
        var actions = new HorizontalLayout(edit, delete);
        actions.setSpacing(false);
        return actions;
    }

    private void open(@Nullable ContactSummary contact) {
        new ContactDialog(contacts, company.id(), contact, this::refresh).open();
    }

    private void delete(ContactSummary contact) {
        Confirmation.ask(getTranslation("company.contacts.delete.confirm.title", contact.fullName()),
                getTranslation("company.contacts.delete.confirm.text"), getTranslation("company.delete"),
                () -> {
                    if (errors.attempt(() -> contacts.delete(contact.id()))) {
                        Notifications.success(getTranslation("company.contacts.deleted", contact.fullName()));
                        refresh();
                    }
                });
    }
}

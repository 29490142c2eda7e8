package fr.passerelle.template.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.template.ContactOption;
import fr.passerelle.template.MergeField;
import fr.passerelle.template.Template;
import fr.passerelle.template.TemplateContent;
import fr.passerelle.template.TemplateException;
import fr.passerelle.template.TemplatePreview;
import fr.passerelle.template.TemplateService;
import fr.passerelle.template.TemplateWarning;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template's subject and bodies, the merge fields it may use, what to fix before sending (refused tags, unknown
 * fields, and fields empty for the chosen contact), and a preview rendered for a real contact, footer included.
 */
@Route("campagnes/modeles/:" + TemplateEditorView.TEMPLATE_ID)
@RolesAllowed({Role.ADMIN_NAME, Role.COMMUNICATION_NAME, Role.REFERENT_NAME})
class TemplateEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String TEMPLATE_ID = "templateId";
    static final String NEW = "nouveau";

    private final TemplateService templates;
    private final boolean canManage;
    private final FieldErrors<TemplateException> errors = new FieldErrors<>(this, TemplateException.class, "template.error.not-allowed");

    final H2 title = new H2();
    final TextField name = new TextField();
    final TextField subject = new TextField();
    final TextArea htmlBody = new TextArea();
    final TextArea textBody = new TextArea();
    final ComboBox<ContactOption> contact = new ComboBox<>();
    final UnorderedList warnings = new UnorderedList();
    final Paragraph noWarning = new Paragraph();
    final Paragraph previewSubject = new Paragraph();
    final IFrame previewHtml = new IFrame();
    final Pre previewText = new Pre();
    final Button save = new Button();
    final Button delete = new Button();

    private @Nullable Template template;

    TemplateEditorView(TemplateService templates) {
        this.templates = templates;
        this.canManage = templates.canManage();
        addClassNames("template-editor-view");
        name.setLabel(getTranslation("template.field.name"));
        name.setMaxLength(120);
        subject.setLabel(getTranslation("template.field.subject"));
        subject.setMaxLength(200);
        htmlBody.setLabel(getTranslation("template.field.html-body"));
        htmlBody.setHelperText(getTranslation("template.field.html-body.help"));
        htmlBody.setMinRows(8);
        textBody.setLabel(getTranslation("template.field.text-body"));
        textBody.setHelperText(getTranslation("template.field.text-body.help"));
        textBody.setMinRows(4);
        for (var field : List.of(name, subject)) {
            field.setRequiredIndicatorVisible(true);
            field.setReadOnly(!canManage);
        }
        htmlBody.setRequiredIndicatorVisible(true);
        htmlBody.setReadOnly(!canManage);
        textBody.setReadOnly(!canManage);
        subject.addValueChangeListener(e -> refresh());
        htmlBody.addValueChangeListener(e -> refresh());
        textBody.addValueChangeListener(e -> refresh());
        errors.bind("name", name).bind("subject", subject).bind("htmlBody", htmlBody).bind("textBody", textBody)
                .bind("contact", contact);

        contact.setLabel(getTranslation("template.preview.contact"));
        contact.setItems(query -> templates.contacts(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                query -> templates.countContacts(query.getFilter().orElse("")));
        contact.setItemLabelGenerator(ContactOption::label);
        contact.setClearButtonVisible(true);
        contact.setWidthFull();
        contact.addValueChangeListener(e -> refresh());

        warnings.addClassName("template-warnings");
        warnings.getElement().setAttribute("aria-live", "polite");
        noWarning.setText(getTranslation("template.no-warning"));
        previewSubject.addClassName("template-preview-subject");
        previewHtml.setTitle(getTranslation("template.preview.html"));
        previewHtml.getElement().setAttribute("sandbox", "");
        previewHtml.setWidthFull();
        previewHtml.setHeight("24rem");
        previewText.addClassName("template-preview-text");

        save.setText(getTranslation("template.action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        delete.setText(getTranslation("template.action.delete"));
        delete.setIcon(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete());
        var toolbar = new ViewToolbar(title);
        if (canManage) {
            toolbar.add(delete, save);
        }
        var fields = new UnorderedList();
        for (MergeField field : MergeField.values()) {
            fields.add(new ListItem("{{" + field.tag() + "}} – " + getTranslation(field.translationKey())));
        }
        var form = new FormLayout(name, subject, htmlBody, textBody);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var help = new Div(new H3(getTranslation("template.fields")), fields,
                new Paragraph(getTranslation("template.footer-note")));
        var preview = new Div(new H3(getTranslation("template.warnings")), noWarning, warnings,
                new H3(getTranslation("template.preview")), contact, previewSubject, previewHtml, previewText);
        add(toolbar, form, help, preview);
    }

    static void open(@Nullable Long id) {
        UI.getCurrent().navigate(TemplateEditorView.class,
                new RouteParameters(TEMPLATE_ID, id == null ? NEW : String.valueOf(id)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(TEMPLATE_ID).orElse(NEW);
        if (id.equals(NEW)) {
            if (!canManage) {
                event.forwardTo(TemplateListView.class);
                return;
            }
            show(null);
            return;
        }
        java.util.Optional<Long> parsed;
        try {
            parsed = java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            parsed = java.util.Optional.empty();
        }
        parsed.flatMap(templates::find).ifPresentOrElse(this::show, () -> {
            Notifications.error(getTranslation("template.error.not-found"));
            event.forwardTo(TemplateListView.class);
        });
    }

    private void show(@Nullable Template shown) {
        template = shown;
        name.setValue(shown == null ? "" : shown.name());
        subject.setValue(shown == null ? "" : shown.subject());
        htmlBody.setValue(shown == null ? "" : shown.htmlBody());
        textBody.setValue(shown == null || shown.textBody() == null ? "" : shown.textBody());
        delete.setVisible(shown != null);
        title.setText(getPageTitle());
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
        refresh();
    }

    TemplateContent content() {
        return new TemplateContent(subject.getValue(), htmlBody.getValue(), textBody.getValue());
    }

    /** The warnings, and the preview when a contact is chosen. */
    private void refresh() {
        errors.attempt(() -> {
            ContactOption chosen = contact.getValue();
            List<TemplateWarning> found;
            if (chosen == null) {
                found = templates.check(content());
                previewSubject.setText("");
                previewHtml.getElement().setAttribute("srcdoc", "");
                previewText.setText("");
            } else {
                TemplatePreview preview = templates.preview(content(), chosen.id());
                found = preview.warnings();
                previewSubject.setText(getTranslation("template.preview.subject", preview.message().subject()));
                previewHtml.getElement().setAttribute("srcdoc", preview.message().html());
                previewText.setText(preview.message().text());
            }
            warnings.removeAll();
            found.forEach(w -> warnings.add(new ListItem(w.message())));
            noWarning.setVisible(found.isEmpty());
        });
    }

    private void save() {
        errors.attempt(() -> {
            Template saved = template == null ? templates.create(name.getValue(), content())
                    : templates.update(template.id(), template.version(), name.getValue(), content());
            Notifications.success(getTranslation("template.saved", saved.name()));
            if (template == null) {
                open(saved.id());
            } else {
                show(saved);
            }
        });
    }

    private void confirmDelete() {
        Template shown = template;
        if (shown == null) {
            return;
        }
        Confirmation.ask(getTranslation("template.delete.header"), getTranslation("template.delete.text", shown.name()),
                getTranslation("template.action.delete"), () -> {
                    if (errors.attempt(() -> templates.delete(shown.id()))) {
                        UI.getCurrent().navigate(TemplateListView.class);
                    }
                });
    }

    @Override
    public String getPageTitle() {
        return template == null ? getTranslation("template.new.title")
                : getTranslation("template.edit.title", template.name());
    }
}

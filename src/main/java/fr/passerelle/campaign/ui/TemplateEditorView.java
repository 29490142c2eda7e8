package fr.passerelle.campaign.ui;

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
import fr.passerelle.campaign.CampaignException;
import fr.passerelle.campaign.ContactOption;
import fr.passerelle.campaign.MergeField;
import fr.passerelle.campaign.SegmentService;
import fr.passerelle.campaign.Template;
import fr.passerelle.campaign.TemplateContent;
import fr.passerelle.campaign.TemplatePreview;
import fr.passerelle.campaign.TemplateService;
import fr.passerelle.campaign.TemplateWarning;
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

    private final TemplateService templates;
    private final boolean canManage;
    private final FieldErrors<CampaignException> errors = new FieldErrors<>(this, CampaignException.class, "campaign.error.not-allowed");

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

    TemplateEditorView(TemplateService templates, SegmentService segments) {
        this.templates = templates;
        this.canManage = segments.canManage();
        addClassNames("template-editor-view");
        name.setLabel(getTranslation("campaign.field.name"));
        name.setMaxLength(120);
        subject.setLabel(getTranslation("campaign.field.subject"));
        subject.setMaxLength(200);
        htmlBody.setLabel(getTranslation("campaign.field.html-body"));
        htmlBody.setHelperText(getTranslation("campaign.field.html-body.help"));
        htmlBody.setMinRows(8);
        textBody.setLabel(getTranslation("campaign.field.text-body"));
        textBody.setHelperText(getTranslation("campaign.field.text-body.help"));
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

        contact.setLabel(getTranslation("campaign.template.preview.contact"));
        contact.setItems(query -> templates.contacts(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                query -> templates.countContacts(query.getFilter().orElse("")));
        contact.setItemLabelGenerator(ContactOption::label);
        contact.setClearButtonVisible(true);
        contact.setWidthFull();
        contact.addValueChangeListener(e -> refresh());

        warnings.addClassName("template-warnings");
        warnings.getElement().setAttribute("aria-live", "polite");
        noWarning.setText(getTranslation("campaign.template.no-warning"));
        previewSubject.addClassName("template-preview-subject");
        previewHtml.setTitle(getTranslation("campaign.template.preview.html"));
        previewHtml.getElement().setAttribute("sandbox", "");
        previewHtml.setWidthFull();
        previewHtml.setHeight("24rem");
        previewText.addClassName("template-preview-text");

        save.setText(getTranslation("campaign.action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        delete.setText(getTranslation("campaign.action.delete"));
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
        var help = new Div(new H3(getTranslation("campaign.template.fields")), fields,
                new Paragraph(getTranslation("campaign.template.footer-note")));
        var preview = new Div(new H3(getTranslation("campaign.template.warnings")), noWarning, warnings,
                new H3(getTranslation("campaign.template.preview")), contact, previewSubject, previewHtml, previewText);
        add(toolbar, form, help, preview);
    }

    static void open(@Nullable Long id) {
        UI.getCurrent().navigate(TemplateEditorView.class,
                new RouteParameters(TEMPLATE_ID, id == null ? SegmentEditorView.NEW : String.valueOf(id)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(TEMPLATE_ID).orElse(SegmentEditorView.NEW);
        if (id.equals(SegmentEditorView.NEW)) {
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
            Notifications.error(getTranslation("campaign.error.template-not-found"));
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
                previewSubject.setText(getTranslation("campaign.template.preview.subject", preview.message().subject()));
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
            Notifications.success(getTranslation("campaign.template.saved", saved.name()));
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
        Confirmation.ask(getTranslation("campaign.template.delete.header"), getTranslation("campaign.template.delete.text", shown.name()),
                getTranslation("campaign.action.delete"), () -> {
                    if (errors.attempt(() -> templates.delete(shown.id()))) {
                        UI.getCurrent().navigate(TemplateListView.class);
                    }
                });
    }

    @Override
    public String getPageTitle() {
        return template == null ? getTranslation("campaign.template.new.title")
                : getTranslation("campaign.template.edit.title", template.name());
    }
}

package fr.passerelle.campaign.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.DateInputs;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.campaign.Campaign;
import fr.passerelle.campaign.CampaignDraft;
import fr.passerelle.campaign.CampaignException;
import fr.passerelle.campaign.CampaignService;
import fr.passerelle.campaign.CampaignState;
import fr.passerelle.campaign.SegmentCount;
import fr.passerelle.campaign.SegmentService;
import fr.passerelle.campaign.SegmentSummary;
import fr.passerelle.campaign.TemplateService;
import fr.passerelle.campaign.TemplateSummary;
import fr.passerelle.campaign.TemplateWarning;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * A draft campaign: its name, segment (with the live count), template (with its warnings), sender, rate, error limit and
 * the date and time (Paris) it is to be sent at once scheduled. Only drafts are edited; the campaign page sends them.
 */
@Route("campagnes/envois/edition/:" + CampaignEditorView.CAMPAIGN_ID)
@RolesAllowed({Role.ADMIN_NAME, Role.COMMUNICATION_NAME})
class CampaignEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String CAMPAIGN_ID = "campaignId";
    static final String NEW = "nouvelle";
    private static final int CHOICES = 500;

    private final CampaignService campaigns;
    private final SegmentService segments;
    private final TemplateService templates;
    private final FieldErrors<CampaignException> errors = new FieldErrors<>(this, CampaignException.class, "campaign.error.not-allowed");

    final H2 title = new H2();
    final TextField name = new TextField();
    final ComboBox<SegmentSummary> segment = new ComboBox<>();
    final Span count = new Span();
    final ComboBox<TemplateSummary> template = new ComboBox<>();
    final UnorderedList warnings = new UnorderedList();
    final TextField senderName = new TextField();
    final TextField senderAddress = new TextField();
    final TextField replyTo = new TextField();
    final IntegerField perMinute = new IntegerField();
    final IntegerField maxErrorPercent = new IntegerField();
    final DateTimePicker scheduledAt;
    final Button save = new Button();

    private @Nullable Campaign campaign;

    CampaignEditorView(CampaignService campaigns, SegmentService segments, TemplateService templates) {
        this.campaigns = campaigns;
        this.segments = segments;
        this.templates = templates;
        addClassNames("campaign-editor-view");
        name.setLabel(getTranslation("campaign.field.name"));
        name.setMaxLength(120);
        name.setRequiredIndicatorVisible(true);
        segment.setLabel(getTranslation("campaignsend.field.segment"));
        segment.setItems(segments.page(PageRequest.of(0, CHOICES)));
        segment.setItemLabelGenerator(SegmentSummary::name);
        segment.addValueChangeListener(e -> refreshCount());
        count.addClassName("campaign-segment-count");
        count.getElement().setAttribute("aria-live", "polite");
        template.setLabel(getTranslation("campaignsend.field.template"));
        template.setItems(templates.page(PageRequest.of(0, CHOICES)));
        template.setItemLabelGenerator(TemplateSummary::name);
        template.addValueChangeListener(e -> refreshWarnings());
        warnings.addClassName("campaign-template-warnings");
        senderName.setLabel(getTranslation("campaignsend.field.sender-name"));
        senderName.setMaxLength(120);
        senderName.setRequiredIndicatorVisible(true);
        senderAddress.setLabel(getTranslation("campaignsend.field.sender-address"));
        replyTo.setLabel(getTranslation("campaignsend.field.reply-to"));
        replyTo.setHelperText(getTranslation("campaignsend.field.reply-to.help"));
        perMinute.setLabel(getTranslation("campaignsend.field.per-minute"));
        perMinute.setHelperText(getTranslation("campaignsend.field.per-minute.help"));
        perMinute.setMin(1);
        perMinute.setClearButtonVisible(true);
        maxErrorPercent.setLabel(getTranslation("campaignsend.field.max-error"));
        maxErrorPercent.setHelperText(getTranslation("campaignsend.field.max-error.help"));
        maxErrorPercent.setMin(1);
        maxErrorPercent.setMax(100);
        maxErrorPercent.setClearButtonVisible(true);
        scheduledAt = DateInputs.dateTimePicker(getTranslation("campaignsend.field.scheduled-at"));
        scheduledAt.setHelperText(getTranslation("campaignsend.field.scheduled-at.help"));
        errors.bind("name", name).bind("segment", segment).bind("template", template).bind("senderName", senderName)
                .bind("replyTo", replyTo).bind("perMinute", perMinute).bind("maxErrorRate", maxErrorPercent)
                .bind("scheduledAt", scheduledAt);
        save.setText(getTranslation("campaign.action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var form = new FormLayout(name, segment, count, template, warnings, senderName, senderAddress, replyTo, perMinute,
                maxErrorPercent, scheduledAt);
        form.setColspan(name, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(new ViewToolbar(title, save), form);
    }

    static void open(@Nullable Long id) {
        UI.getCurrent().navigate(CampaignEditorView.class, new RouteParameters(CAMPAIGN_ID, id == null ? NEW : String.valueOf(id)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(CAMPAIGN_ID).orElse(NEW);
        if (id.equals(NEW)) {
            show(null);
            return;
        }
        Optional<Campaign> found = CampaignView.parse(id).flatMap(campaigns::find);
        if (found.isEmpty() || found.get().state() != CampaignState.DRAFT) {
            Notifications.error(getTranslation(found.isEmpty() ? "campaignsend.error.not-found" : "campaignsend.error.not-a-draft"));
            event.forwardTo(CampaignListView.class);
            return;
        }
        show(found.get());
    }

    private void show(@Nullable Campaign shown) {
        campaign = shown;
        CampaignDraft draft = shown == null ? null : shown.draft();
        name.setValue(draft == null ? "" : draft.name());
        segment.setValue(draft == null || draft.segmentId() == null ? null : find(segment, draft.segmentId(), SegmentSummary::id));
        template.setValue(draft == null || draft.templateId() == null ? null : find(template, draft.templateId(), TemplateSummary::id));
        senderName.setValue(draft == null ? campaigns.defaultSender().name() : draft.senderName());
        senderAddress.setValue(draft == null ? campaigns.defaultSender().postalAddress() : draft.senderPostalAddress());
        replyTo.setValue(draft == null || draft.replyTo() == null ? "" : draft.replyTo());
        perMinute.setValue(draft == null ? null : draft.perMinute());
        maxErrorPercent.setValue(draft == null ? 10 : draft.maxErrorRate() == null ? null : (int) Math.round(draft.maxErrorRate() * 100));
        scheduledAt.setValue(draft == null || draft.scheduledAt() == null ? null
                : draft.scheduledAt().atZone(DisplayFormats.PARIS).toLocalDateTime());
        title.setText(getPageTitle());
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
        refreshCount();
        refreshWarnings();
    }

    CampaignDraft draft() {
        Instant at = scheduledAt.getValue() == null ? null : scheduledAt.getValue().atZone(DisplayFormats.PARIS).toInstant();
        return new CampaignDraft(name.getValue(), segment.getValue() == null ? null : segment.getValue().id(),
                template.getValue() == null ? null : template.getValue().id(), senderName.getValue(), senderAddress.getValue(),
                replyTo.getValue(), perMinute.getValue(), maxErrorPercent.getValue() == null ? null : maxErrorPercent.getValue() / 100.0, at);
    }

    private void refreshCount() {
        SegmentSummary chosen = segment.getValue();
        count.setText(chosen == null ? "" : segments.find(chosen.id()).map(s -> {
            SegmentCount counted = segments.count(s.filter());
            return getTranslation("campaign.segment.count", counted.recipients(), counted.companies());
        }).orElse(""));
    }

    private void refreshWarnings() {
        warnings.removeAll();
        TemplateSummary chosen = template.getValue();
        if (chosen == null) {
            return;
        }
        List<TemplateWarning> found = templates.find(chosen.id()).map(t -> templates.check(t.content())).orElse(List.of());
        if (found.isEmpty()) {
            warnings.add(new ListItem(getTranslation("campaignsend.template.no-warning")));
        }
        found.forEach(w -> warnings.add(new ListItem(w.message())));
    }

    private void save() {
        errors.attempt(() -> {
            Campaign saved = campaign == null ? campaigns.create(draft()) : campaigns.update(campaign.id(), campaign.version(), draft());
            Notifications.success(getTranslation("campaignsend.saved", saved.name()));
            CampaignView.open(saved.id());
        });
    }

    private static <T> @Nullable T find(ComboBox<T> box, long id, java.util.function.ToLongFunction<T> key) {
        return box.getListDataView().getItems().filter(item -> key.applyAsLong(item) == id).findFirst().orElse(null);
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("campaignsend.new.title") : getTranslation("campaignsend.edit.title", campaign.name());
    }
}

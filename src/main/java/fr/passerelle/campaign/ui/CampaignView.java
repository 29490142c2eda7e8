package fr.passerelle.campaign.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.campaign.Campaign;
import fr.passerelle.campaign.CampaignException;
import fr.passerelle.campaign.CampaignProgress;
import fr.passerelle.campaign.CampaignService;
import fr.passerelle.campaign.CampaignState;
import fr.passerelle.campaign.CampaignStateChange;
import fr.passerelle.campaignresults.ui.CampaignResultsPanel;
import fr.passerelle.campaignresults.ui.CampaignResultsPanels;
import fr.passerelle.template.TemplateService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's page: what it sends to whom, its live progress (read again every 2 seconds while it is sending), the
 * actions its state allows, each confirmed, the test to oneself, and the history of its states. Referents only read it.
 */
@Route("campagnes/envois/:" + CampaignEditorView.CAMPAIGN_ID)
@RolesAllowed({Role.ADMIN_NAME, Role.COMMUNICATION_NAME, Role.REFERENT_NAME})
class CampaignView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final int POLL_MILLIS = 2000;

    private final CampaignService campaigns;
    private final TemplateService templates;
    private final CampaignResultsPanels resultsPanels;
    private final boolean canManage;
    private final FieldErrors<CampaignException> errors = new FieldErrors<>(this, CampaignException.class, "campaign.error.not-allowed");

    final H2 title = new H2();
    final Span state = new Span();
    final Paragraph details = new Paragraph();
    final ProgressBar bar = new ProgressBar(0, 1);
    final Span counts = new Span();
    final Paragraph pauseReason = new Paragraph();
    final UnorderedList history = new UnorderedList();
    final Button edit = new Button();
    final Button test = new Button();
    final Button launch = new Button();
    final Button schedule = new Button();
    final Button pause = new Button();
    final Button resume = new Button();
    final Button cancel = new Button();

    private @Nullable Campaign campaign;
    private @Nullable Registration polling;
    /** The results below the progress, once the campaign has been sent at least in part. */
    @Nullable CampaignResultsPanel results;

    CampaignView(CampaignService campaigns, TemplateService templates, CampaignResultsPanels resultsPanels) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.resultsPanels = resultsPanels;
        this.canManage = campaigns.canManage();
        addClassNames("campaign-view");
        state.getElement().getThemeList().add("badge");
        counts.getElement().setAttribute("role", "status");
        counts.getElement().setAttribute("aria-live", "polite");
        bar.getElement().setAttribute("aria-label", getTranslation("campaignsend.progress.label"));
        setUp(edit, "campaignsend.action.edit", () -> CampaignEditorView.open(require().id()));
        setUp(test, "campaignsend.action.test", () -> new TestSendDialog(campaigns, templates, require().id()).open());
        setUp(launch, "campaignsend.action.launch", () -> confirm("launch", campaigns::launch));
        setUp(schedule, "campaignsend.action.schedule", this::confirmSchedule);
        setUp(pause, "campaignsend.action.pause", () -> confirm("pause", campaigns::pause));
        setUp(resume, "campaignsend.action.resume", () -> confirm("resume", campaigns::resume));
        setUp(cancel, "campaignsend.action.cancel", () -> confirm("cancel", campaigns::cancel));
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var actions = new HorizontalLayout(edit, test, schedule, launch, pause, resume, cancel);
        actions.setWrap(true);
        var toolbar = new ViewToolbar(title, state);
        add(toolbar, details);
        if (canManage) {
            add(actions);
        }
        add(new H3(getTranslation("campaignsend.progress.title")), bar, counts, pauseReason,
                new H3(getTranslation("campaignsend.history.title")), history);
    }

    static void open(long id) {
        UI.getCurrent().navigate(CampaignView.class, new RouteParameters(CampaignEditorView.CAMPAIGN_ID, String.valueOf(id)));
    }

    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Campaign> found = event.getRouteParameters().get(CampaignEditorView.CAMPAIGN_ID).flatMap(CampaignView::parse)
                .flatMap(campaigns::find);
        if (found.isEmpty()) {
            Notifications.error(getTranslation("campaignsend.error.not-found"));
            event.forwardTo(CampaignListView.class);
            return;
        }
        campaign = found.get();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> refresh());
        follow(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** Reads the campaign and its progress again, and shows what its state allows. */
    void refresh() {
        // The progress first: reading it may mark the campaign sent, which the details then show (its end time).
        CampaignProgress progress = campaigns.progress(require().id());
        Campaign shown = campaigns.find(require().id()).orElse(require());
        campaign = shown;
        if (shown.launchedAt() != null) {
            if (results == null) {
                results = resultsPanels.create(shown.id());
                add(results);
            } else {
                results.refresh();
            }
        }
        CampaignState now = progress.state();
        title.setText(shown.name());
        state.setText(getTranslation(now.translationKey()));
        details.setText(getTranslation("campaignsend.details", Objects.toString(shown.segmentName(), "–"),
                Objects.toString(shown.templateName(), "–"), shown.senderName(),
                shown.perMinute() == null ? getTranslation("campaignsend.rate.none") : getTranslation("campaignsend.rate", shown.perMinute()),
                shown.scheduledAt() == null ? "–" : DisplayFormats.dateTime(shown.scheduledAt()),
                shown.launchedAt() == null ? "–" : DisplayFormats.dateTime(shown.launchedAt()),
                shown.finishedAt() == null ? "–" : DisplayFormats.dateTime(shown.finishedAt())));
        bar.setValue(progress.done());
        counts.setText(getTranslation("campaignsend.progress.counts", progress.sent(), progress.pending(), progress.failed(),
                progress.skipped(), progress.cancelled(), progress.total())
                + (now.launched() && !progress.fannedOut() && now != CampaignState.CANCELLED ? " " + getTranslation("campaignsend.progress.fanning-out") : ""));
        pauseReason.setText(progress.pauseReason() == null ? "" : getTranslation("campaignsend.progress.paused", progress.pauseReason()));
        history.removeAll();
        for (CampaignStateChange change : campaigns.history(shown.id())) {
            history.add(new ListItem(DisplayFormats.dateTime(change.at()) + " – " + getTranslation(change.to().translationKey())
                    + (change.actorName() == null ? "" : " – " + change.actorName())
                    + (change.reason() == null ? "" : " – " + change.reason())));
        }
        edit.setVisible(now == CampaignState.DRAFT);
        test.setVisible(now != CampaignState.SENT && now != CampaignState.CANCELLED);
        launch.setVisible(now.canMoveTo(CampaignState.SENDING) && now != CampaignState.PAUSED);
        schedule.setVisible(now == CampaignState.DRAFT);
        pause.setVisible(now == CampaignState.SENDING);
        resume.setVisible(now == CampaignState.PAUSED);
        cancel.setVisible(now.canMoveTo(CampaignState.CANCELLED));
        getUI().ifPresent(this::follow);
    }

    /** Polls while the campaign is sending (or still writing its recipients), not otherwise. */
    private void follow(UI ui) {
        boolean live = campaign != null && (campaign.state() == CampaignState.SENDING);
        ui.setPollInterval(live ? POLL_MILLIS : -1);
    }

    private void confirm(String action, LongFunction<Campaign> change) {
        Campaign shown = require();
        Confirmation.ask(getTranslation("campaignsend.confirm." + action + ".header"),
                getTranslation("campaignsend.confirm." + action + ".text", shown.name()),
                getTranslation("campaignsend.action." + action), () -> {
                    if (errors.attempt(() -> change.apply(shown.id()))) {
                        Notifications.success(getTranslation("campaignsend.done." + action, shown.name()));
                    }
                    refresh();
                });
    }

    private void confirmSchedule() {
        Campaign shown = require();
        if (shown.scheduledAt() == null) {
            Notifications.error(getTranslation("campaignsend.error.no-schedule"));
            return;
        }
        Confirmation.ask(getTranslation("campaignsend.confirm.schedule.header"),
                getTranslation("campaignsend.confirm.schedule.text", shown.name(), DisplayFormats.dateTime(shown.scheduledAt())),
                getTranslation("campaignsend.action.schedule"), () -> {
                    if (errors.attempt(() -> campaigns.schedule(shown.id(), Objects.requireNonNull(shown.scheduledAt())))) {
                        Notifications.success(getTranslation("campaignsend.done.schedule", shown.name()));
                    }
                    refresh();
                });
    }

    private void setUp(Button button, String key, Runnable action) {
        button.setText(getTranslation(key));
        button.addClickListener(e -> action.run());
    }

    private Campaign require() {
        return Objects.requireNonNull(campaign, "no campaign shown");
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("campaignsend.list.title") : getTranslation("campaignsend.page.title", campaign.name());
    }
}

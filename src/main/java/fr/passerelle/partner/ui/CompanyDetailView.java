package fr.passerelle.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.UserProfiles;
import fr.passerelle.partner.ActivityService;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyHistoryService;
import fr.passerelle.partner.CompanyMergeService;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.ContactService;
import fr.passerelle.partner.EngagementService;
import fr.passerelle.partner.TaskService;
import fr.passerelle.partner.companypage.CompanyHistorySource;
import fr.passerelle.partner.companypage.CompanyTab;
import fr.passerelle.partner.companypage.CompanyTimelineSource;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.StaffDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One company: who it is, where it stands in the pipeline, its contacts, engagements, activity,
 * tasks and audit trail, and the tabs, timeline lines and history entries other modules add through the
 * {@code companypage} ports (offers). Reached from the companies list; communication teams see the company
 * and its contacts (and the added tabs shown to them) only. Whoever may not edit the company reads it.
 */
@Route("entreprises/:" + CompanyDetailView.COMPANY_ID)
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
@StyleSheet("styles/company-detail.css")
class CompanyDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String COMPANY_ID = "companyId";
    /** Where the "back to the list" link of the not-found page leads (the companies list's route). */
    static final String LIST_ROUTE = "entreprises";

    private final CompanyService companies;
    private final ContactService contacts;
    private final EngagementService engagements;
    private final ActivityService activity;
    private final TaskService tasks;
    private final CompanyHistoryService history;
    private final ReferenceService reference;
    private final CurrentUser currentUser;
    private final AuthorNames authors;
    private final StaffDirectory staff;
    private final ObjectProvider<CompanyTab> extraTabs;
    private final ObjectProvider<CompanyTimelineSource> timelineSources;
    private final ObjectProvider<CompanyHistorySource> historySources;

    /** Opens the edit form of the company shown; the form reloads the page after saving. Tests may replace it. */
    @Nullable Consumer<CompanyDetails> editAction;

    private @Nullable CompanyDetails company;
    private final TabSheet tabs = new TabSheet();

    CompanyDetailView(CompanyService companies, ContactService contacts, EngagementService engagements, ActivityService activity,
                      TaskService tasks, CompanyHistoryService history, ReferenceService reference, CurrentUser currentUser,
                      UserProfiles profiles, CompanyMergeService merges, StaffDirectory staff,
                      ObjectProvider<CompanyTab> extraTabs, ObjectProvider<CompanyTimelineSource> timelineSources,
                      ObjectProvider<CompanyHistorySource> historySources) {
        this.companies = companies;
        this.contacts = contacts;
        this.engagements = engagements;
        this.activity = activity;
        this.tasks = tasks;
        this.history = history;
        this.reference = reference;
        this.currentUser = currentUser;
        this.authors = new AuthorNames(profiles, this);
        this.staff = staff;
        this.extraTabs = extraTabs;
        this.timelineSources = timelineSources;
        this.historySources = historySources;
        this.editAction = details -> new CompanyFormDialog(companies, merges, reference, staff, details, saved -> reload()).open();
        addClassName("company-detail-view");
        tabs.addClassName("company-tabs");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<CompanyDetails> found = event.getRouteParameters().get(COMPANY_ID)
                .flatMap(CompanyDetailView::parseId)
                .flatMap(companies::get);
        found.ifPresentOrElse(this::show, this::showNotFound);
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Reads the company again (after an edit elsewhere on the page) and shows it afresh, keeping the open tab. */
    void reload() {
        if (company == null) {
            return;
        }
        int selected = tabs.getSelectedIndex();
        companies.get(company.id()).ifPresentOrElse(this::show, this::showNotFound);
        if (selected >= 0 && selected < tabs.getTabCount()) {
            tabs.setSelectedIndex(selected);
        }
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    private void show(CompanyDetails details) {
        this.company = details;
        removeAll();
        Consumer<CompanyDetails> edit = editAction;
        var header = new CompanyHeader(details, () -> new StageDialog(companies, details, moved -> reload()).open(),
                edit == null ? null : () -> edit.accept(details));
        while (tabs.getTabCount() > 0) {
            tabs.remove(0);
        }
        SignedInUser me = currentUser.require();
        boolean followsUp = me.role() == Role.ADMIN || me.role() == Role.REFERENT;
        List<PlacedTab> placed = new ArrayList<>();
        placed.add(new PlacedTab(10, "company.tab.contacts", VaadinIcon.USERS.create(), new ContactsTab(contacts, details)));
        if (followsUp) {
            List<CompanyTimelineSource> timeline = timelineSources.orderedStream().toList();
            List<CompanyHistorySource> trail = historySources.orderedStream().toList();
            placed.add(new PlacedTab(20, "company.tab.engagements", VaadinIcon.HANDSHAKE.create(),
                    new EngagementsTab(engagements, reference, details)));
            placed.add(new PlacedTab(40, "company.tab.timeline", VaadinIcon.LINES_LIST.create(),
                    new TimelineTab(activity, contacts, details, authors, timeline)));
            placed.add(new PlacedTab(50, "company.tab.tasks", VaadinIcon.TASKS.create(), new TasksTab(tasks, staff, details, me)));
            placed.add(new PlacedTab(60, "company.tab.history", VaadinIcon.TIME_BACKWARD.create(),
                    new HistoryTab(history, reference, details, authors, trail)));
        }
        extraTabs.orderedStream().filter(extra -> extra.shownTo(me)).forEach(extra -> placed.add(new PlacedTab(extra.order(),
                extra.titleKey(), PageTexts.icon(extra.icon()), extra.content(details))));
        placed.stream().sorted(Comparator.comparingInt(PlacedTab::order)).forEach(t -> tabs.add(tab(t), t.content()));
        add(header, tabs);
    }

    private record PlacedTab(int order, String titleKey, Icon icon, Component content) {
    }

    private Tab tab(PlacedTab placed) {
        var tab = new Tab(placed.icon());
        tab.add(getTranslation(placed.titleKey()));
        return tab;
    }

    private void showNotFound() {
        this.company = null;
        removeAll();
        var heading = new H2(getTranslation("company.not-found.title"));
        var text = new Paragraph(getTranslation("partner.error.company-not-found"));
        var back = new Anchor(LIST_ROUTE, getTranslation("company.not-found.back"));
        var notFound = new Div(heading, text, back);
        notFound.addClassNames("empty-state", "company-not-found");
        add(notFound);
    }

    @Override
    public String getPageTitle() {
        return company == null ? getTranslation("company.not-found.title") : company.displayName();
    }
}

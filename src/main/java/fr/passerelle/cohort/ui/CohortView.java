package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortException;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.cohortpage.CohortTab;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One cohort: its details and partners, its participants (administrators and the referents of its DISP only),
 * its linked offers, and the tabs other parts add through {@link CohortTab}. Its state moves from the header.
 */
@Route("cohortes/:" + CohortView.COHORT_ID)
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class CohortView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String COHORT_ID = "cohortId";

    private final CohortForms forms;
    private final ObjectProvider<CohortTab> extraTabs;
    private final FieldErrors<CohortException> errors = new FieldErrors<>(this, CohortException.class, "cohort.error.not-allowed");
    final TabSheet tabs = new TabSheet();
    private @Nullable CohortDetails cohort;

    CohortView(CohortForms forms, ObjectProvider<CohortTab> extraTabs) {
        this.forms = forms;
        this.extraTabs = extraTabs;
        addClassName("cohort-view");
        tabs.addClassName("cohort-tabs");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get(COHORT_ID).flatMap(CohortDisplay::parseId).flatMap(forms.cohorts()::get)
                .ifPresentOrElse(this::show, this::showNotFound);
    }

    void reload() {
        if (cohort == null) {
            return;
        }
        int selected = tabs.getSelectedIndex();
        forms.cohorts().get(cohort.id()).ifPresentOrElse(this::show, this::showNotFound);
        if (selected >= 0 && selected < tabs.getTabCount()) {
            tabs.setSelectedIndex(selected);
        }
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    private void show(CohortDetails details) {
        this.cohort = details;
        removeAll();
        while (tabs.getTabCount() > 0) {
            tabs.remove(0);
        }
        SignedInUser me = forms.currentUser().require();
        List<PlacedTab> placed = new ArrayList<>();
        placed.add(new PlacedTab(10, "cohort.tab.details", new CohortDetailsPanel(details)));
        if (details.participantsVisible()) {
            placed.add(new PlacedTab(20, "cohort.tab.participants", new ParticipantsTab(forms, details, this::reload)));
        }
        placed.add(new PlacedTab(30, "cohort.tab.offers", new LinkedOffersTab(forms, details)));
        extraTabs.orderedStream().filter(tab -> tab.shownTo(me, details))
                .forEach(tab -> placed.add(new PlacedTab(tab.order(), tab.titleKey(), tab.content(details, this::reload))));
        placed.stream().sorted(Comparator.comparingInt(PlacedTab::order)).forEach(t -> tabs.add(getTranslation(t.titleKey()), t.content()));
        add(header(details), tabs);
    }

    private record PlacedTab(int order, String titleKey, Component content) {
    }

    private Component header(CohortDetails details) {
        var title = new H2(details.title());
        title.addClassName("cohort-title");
        var toolbar = new ViewToolbar(title, CohortDisplay.stateBadge(details.state()));
        if (details.editable()) {
            var edit = new Button(getTranslation("cohort.action.edit"), VaadinIcon.EDIT.create(),
                    e -> forms.openCohortForm(details, saved -> reload()));
            toolbar.add(edit);
            for (CohortState target : details.state().next()) {
                if (target == CohortState.CANCELLED) {
                    var cancel = new Button(getTranslation("cohort.action.cancel"), VaadinIcon.BAN.create(), e -> askCancel(details));
                    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
                    toolbar.add(cancel);
                } else {
                    var move = new Button(getTranslation("cohort.action.move." + target.name()), VaadinIcon.ARROW_FORWARD.create(),
                            e -> move(details, target, null));
                    move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    toolbar.add(move);
                }
            }
        }
        return toolbar;
    }

    private void askCancel(CohortDetails details) {
        new ReasonDialog(getTranslation("cohort.cancel.title"), getTranslation("cohort.cancel.reason"), 500,
                getTranslation("cohort.cancel.confirm-text", details.title()), getTranslation("cohort.action.cancel"),
                reason -> move(details, CohortState.CANCELLED, reason)).open();
    }

    private boolean move(CohortDetails details, CohortState target, @Nullable String reason) {
        if (errors.attempt(() -> forms.cohorts().transition(details.id(), target, reason))) {
            Notifications.success(getTranslation("cohort.moved", details.title(), getTranslation(target.translationKey())));
            reload();
            return true;
        }
        return false;
    }

    private void showNotFound() {
        this.cohort = null;
        removeAll();
        var notFound = new Div(new H2(getTranslation("cohort.not-found.title")), new Paragraph(getTranslation("cohort.error.not-found")),
                new Anchor("cohortes", getTranslation("cohort.not-found.back")));
        notFound.addClassNames("empty-state", "cohort-not-found");
        add(notFound);
    }

    @Override
    public String getPageTitle() {
        return cohort == null ? getTranslation("cohort.not-found.title") : cohort.title();
    }
}

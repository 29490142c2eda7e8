package fr.passerelle.cohort.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.cohort.CohortDetails;
import fr.passerelle.cohort.CohortException;
import fr.passerelle.cohort.CohortState;
import fr.passerelle.cohort.OutcomeMoment;
import fr.passerelle.cohort.ParticipantService;
import fr.passerelle.cohort.ParticipantState;
import fr.passerelle.cohort.ParticipantSummary;
import java.util.Objects;

/**
 * The cohort's pseudonymous participants (each showing of the tab is a read, recorded by the service), with their
 * path and outcomes; the cohort's referents add, change, complete and drop them, and record outcomes.
 */
class ParticipantsTab extends Composite<Div> {

    private final CohortForms forms;
    private final CohortDetails cohort;
    private final Runnable cohortChanged;
    private final FieldErrors<CohortException> errors = new FieldErrors<>(this, CohortException.class, "cohort.error.not-allowed");
    final Grid<ParticipantSummary> grid = new Grid<>(ParticipantSummary.class, false);

    ParticipantsTab(CohortForms forms, CohortDetails cohort, Runnable cohortChanged) {
        this.forms = forms;
        this.cohort = cohort;
        this.cohortChanged = cohortChanged;
        var notice = new Paragraph(getTranslation("cohort.participants.notice"));
        notice.addClassName("cohort-privacy-notice");
        var toolbar = new ViewToolbar();
        if (cohort.editable() && cohort.state().enrols()) {
            var add = new Button(getTranslation("cohort.participant.add"), VaadinIcon.PLUS.create(),
                    e -> new ParticipantDialog(forms, cohort.id(), null, this::changed).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(add);
        }
        configureGrid();
        getContent().add(notice, toolbar, grid);
        getContent().addClassName("cohort-participants");
        load();
        if (forms.currentUser().require().role() == fr.passerelle.base.Role.ADMIN) {
            getContent().add(readLog());
        }
    }

    static final int READS_SHOWN = 50;

    /** For administrators: who read this list and when (each opening of this tab is one read). */
    private com.vaadin.flow.component.details.Details readLog() {
        var reads = new Grid<fr.passerelle.cohort.ParticipantRead>(fr.passerelle.cohort.ParticipantRead.class, false);
        reads.addColumn(fr.passerelle.cohort.ParticipantRead::userDisplayName).setHeader(getTranslation("cohort.participants.reads.who"))
                .setKey("who").setFlexGrow(1);
        reads.addColumn(r -> fr.passerelle.base.DisplayFormats.dateTime(r.readAt())).setHeader(getTranslation("cohort.participants.reads.when"))
                .setKey("when").setAutoWidth(true);
        reads.setAllRowsVisible(true);
        reads.setSelectionMode(Grid.SelectionMode.NONE);
        reads.addClassName("participant-read-grid");
        reads.setItems(forms.participants().reads(cohort.id(), READS_SHOWN));
        var details = new com.vaadin.flow.component.details.Details(getTranslation("cohort.participants.reads.title", READS_SHOWN), reads);
        details.addClassName("participant-read-log");
        return details;
    }

    private void configureGrid() {
        grid.addColumn(ParticipantSummary::code).setHeader(getTranslation("cohort.participant.field.code")).setKey("code").setAutoWidth(true);
        grid.addColumn(p -> CohortDisplay.month(p.releaseMonth())).setHeader(getTranslation("cohort.participant.field.release-month"))
                .setKey("release").setAutoWidth(true);
        grid.addColumn(p -> Objects.requireNonNullElse(p.returnDepartmentCode(), ""))
                .setHeader(getTranslation("cohort.participant.field.department")).setKey("department").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(p -> CohortDisplay.participantBadge(p.state())))
                .setHeader(getTranslation("cohort.participant.field.state")).setKey("state").setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.certificationObtained() ? "cohort.yes" : "cohort.no"))
                .setHeader(getTranslation("cohort.participant.field.certification")).setKey("certification").setAutoWidth(true);
        grid.addColumn(p -> situation(p.atRelease())).setHeader(getTranslation("cohort.outcome-moment.AT_RELEASE")).setKey("atRelease")
                .setFlexGrow(2);
        grid.addColumn(p -> situation(p.afterSixMonths())).setHeader(getTranslation("cohort.outcome-moment.AFTER_SIX_MONTHS"))
                .setKey("afterSixMonths").setFlexGrow(2);
        if (cohort.editable()) {
            // A set width and wrapping buttons: the grid fits the page instead of hiding its actions past a sideways scroll.
            grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("cohort.column.actions")).setKey("actions")
                    .setWidth("15rem").setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("participant-grid");
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(getTranslation("cohort.participants.empty"));
    }

    private String situation(ParticipantSummary.Situation situation) {
        if (situation.outcome() == null) {
            return "";
        }
        var text = new StringBuilder(getTranslation(situation.outcome().translationKey()));
        if (situation.contractType() != null) {
            text.append(" (").append(getTranslation(situation.contractType().translationKey())).append(')');
        }
        if (situation.companyName() != null) {
            text.append(" — ").append(situation.companyName());
        }
        return text.toString();
    }

    private HorizontalLayout actions(ParticipantSummary participant) {
        ParticipantService service = forms.participants();
        var edit = small(getTranslation("cohort.action.edit"), e -> new ParticipantDialog(forms, cohort.id(), participant, this::changed).open());
        var outcome = small(getTranslation("cohort.participant.outcome"),
                e -> new OutcomeDialog(forms, cohort.id(), participant, this::changed).open());
        var layout = new HorizontalLayout(edit, outcome);
        layout.setWrap(true);
        boolean started = cohort.state() == CohortState.IN_PROGRESS || cohort.state() == CohortState.COMPLETED;
        if (participant.state() == ParticipantState.ENROLLED) {
            if (started) {
                layout.add(small(getTranslation("cohort.participant.complete"), e -> {
                    if (errors.attempt(() -> service.complete(participant.id()))) {
                        Notifications.success(getTranslation("cohort.participant.completed", participant.code()));
                        changed();
                    }
                }));
            }
            var drop = small(getTranslation("cohort.participant.drop"), e -> new ReasonDialog(
                    getTranslation("cohort.participant.drop.title", participant.code()), getTranslation("cohort.participant.drop.reason"),
                    ParticipantService.DROP_REASON_MAX, getTranslation("cohort.participant.drop.confirm-text", participant.code()),
                    getTranslation("cohort.participant.drop"), reason -> {
                        if (errors.attempt(() -> service.drop(participant.id(), reason))) {
                            Notifications.success(getTranslation("cohort.participant.dropped", participant.code()));
                            changed();
                            return true;
                        }
                        return false;
                    }).open());
            drop.addThemeVariants(ButtonVariant.LUMO_ERROR);
            layout.add(drop);
        }
        layout.setSpacing(false);
        return layout;
    }

    private static Button small(String text, com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        var button = new Button(text, click);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void load() {
        grid.setItems(forms.participants().participants(cohort.id()));
    }

    private void changed() {
        // The cohort's counts change with its participants: the page reads both again.
        cohortChanged.run();
    }
}

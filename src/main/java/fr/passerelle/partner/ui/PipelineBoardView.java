package fr.passerelle.partner.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyService;
import fr.passerelle.partner.CompanySummary;
import fr.passerelle.partner.PartnerException;
import fr.passerelle.partner.PartnerScope;
import fr.passerelle.partner.PipelineStage;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.ReferenceService;
import jakarta.annotation.security.RolesAllowed;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The partnership pipeline: one column per stage with its total and the most recently updated
 * companies. Whoever may change a company moves it by dragging its card or with the card's menu;
 * declining asks for the reason. Filters (DISP, search, "moi uniquement") last for the session; a
 * referent starts on their DISP.
 */
@StyleSheet("styles/partner-board.css")
@Route("pipeline")
@Menu(order = 25, title = "nav.pipeline", icon = "vaadin:grid-big-o")
@RolesAllowed({Role.ADMIN_NAME, Role.REFERENT_NAME, Role.COMMUNICATION_NAME})
class PipelineBoardView extends Main implements HasDynamicTitle {

    static final int CARDS_PER_STAGE = 30;
    static final String FILTER_ATTRIBUTE = PipelineBoardView.class.getName() + ".filter";

    /** What the filters of the board remember for the session. */
    record BoardFilter(@Nullable String dispCode, String search, boolean mineOnly) implements Serializable {
    }

    private final CompanyService companies;
    private final PartnerScope scope;
    private final SignedInUser user;
    /** Administrators and referents move companies (each referent those of their DISP); others only read. */
    private final boolean mayMove;
    private final List<DispSummary> disps;

    private final ComboBox<DispSummary> dispFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final Checkbox mineOnly = new Checkbox();
    private final Map<PipelineStage, BoardColumn> columns = new EnumMap<>(PipelineStage.class);
    private boolean applyingFilter;

    PipelineBoardView(CompanyService companies, PartnerScope scope, ReferenceService reference, CurrentUser currentUser) {
        this.companies = companies;
        this.scope = scope;
        this.user = currentUser.require();
        this.mayMove = user.role() == Role.ADMIN || user.role() == Role.REFERENT;
        this.disps = reference.disps();
        addClassNames("list-view", "pipeline-view");
        setSizeFull();

        configureFilters();
        var toolbar = new ViewToolbar(search, dispFilter);
        if (mayMove) {
            toolbar.add(mineOnly);
        }
        add(toolbar);
        var hint = new Paragraph(getTranslation(mayMove ? "board.hint" : "board.read-only"));
        hint.addClassName("pipeline-hint");
        add(hint);

        var board = new Div();
        board.addClassName("pipeline-board");
        board.getElement().setAttribute("role", "region");
        board.getElement().setAttribute("aria-label", getTranslation("board.region"));
        // Scrolls sideways on narrow screens; focusable so that the keyboard can scroll it too.
        board.getElement().setAttribute("tabindex", "0");
        for (PipelineStage stage : PipelineStage.values()) {
            var column = new BoardColumn(stage, mayMove, this::requestMove);
            columns.put(stage, column);
            board.add(column);
        }
        add(board);

        BoardFilter stored = (BoardFilter) VaadinSession.getCurrent().getAttribute(FILTER_ATTRIBUTE);
        applyFilter(stored != null ? stored : new BoardFilter(user.dispCode(), "", false));
    }

    private void configureFilters() {
        search.setLabel(getTranslation("board.search"));
        search.setPlaceholder(getTranslation("board.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filterChanged());

        dispFilter.setLabel(getTranslation("board.filter.disp"));
        dispFilter.setPlaceholder(getTranslation("board.filter.disp.all"));
        dispFilter.setItems(disps);
        dispFilter.setItemLabelGenerator(DispSummary::code);
        dispFilter.setClearButtonVisible(true);
        dispFilter.addValueChangeListener(e -> filterChanged());

        mineOnly.setLabel(getTranslation("board.filter.mine"));
        mineOnly.addValueChangeListener(e -> filterChanged());
    }

    private void applyFilter(BoardFilter filter) {
        applyingFilter = true;
        try {
            dispFilter.setValue(disps.stream().filter(d -> d.code().equals(filter.dispCode())).findFirst().orElse(null));
            search.setValue(filter.search());
            mineOnly.setValue(mayMove && filter.mineOnly());
        } finally {
            applyingFilter = false;
        }
        filterChanged();
    }

    private void filterChanged() {
        if (applyingFilter) {
            return;
        }
        VaadinSession.getCurrent().setAttribute(FILTER_ATTRIBUTE,
                new BoardFilter(dispCode(), search.getValue(), mineOnly.getValue()));
        refresh();
    }

    private @Nullable String dispCode() {
        return dispFilter.getValue() == null ? null : dispFilter.getValue().code();
    }

    private CompanyFilter currentFilter() {
        Long owner = mineOnly.getValue() ? user.id() : null;
        return new CompanyFilter(dispCode(), null, Set.of(), null, null, owner, null, search.getValue());
    }

    private void refresh() {
        companies.board(currentFilter(), CARDS_PER_STAGE).forEach((stage, column) ->
                columns.get(stage).show(column.companies(), column.total(), this::card));
    }

    private CompanyCard card(CompanySummary company) {
        return new CompanyCard(company, mayMove && scope.canEdit(company.dispCode()), this::requestMove);
    }

    /** A card dropped on a column, or a stage chosen in a card's menu. */
    void requestMove(CompanySummary company, PipelineStage target) {
        if (company.stage() == target) {
            return;
        }
        if (target == PipelineStage.DECLINED) {
            new DeclineReasonDialog(company, reason -> {
                try {
                    move(company, target, reason);
                } catch (PartnerException e) {
                    if (!"reason".equals(e.field())) {
                        refresh();
                    }
                    throw e;
                }
            }).open();
            return;
        }
        try {
            move(company, target, null);
        } catch (PartnerException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
            refresh();
        }
    }

    /** Moves the company; a refused reason is thrown back to the dialog that asked for it. */
    private void move(CompanySummary company, PipelineStage target, @Nullable String reason) {
        try {
            companies.moveStage(company.id(), target, reason);
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("board.error.not-allowed", company.displayName()));
            refresh();
            return;
        }
        Notifications.success(getTranslation("board.moved", company.displayName(), getTranslation(target.translationKey())));
        refresh();
        columns.get(target).cards().stream().filter(card -> card.company().id() == company.id()).findFirst()
                .ifPresent(CompanyCard::focusName);
    }

    BoardColumn column(PipelineStage stage) {
        return columns.get(stage);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.title");
    }
}

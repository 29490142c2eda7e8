package fr.passerelle.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.UserAccountException;
import fr.passerelle.security.UserAccountService;
import fr.passerelle.security.UserSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.data.domain.Sort;

/** Administrators manage staff accounts: create, change role and DISP, disable, reset a password. */
@Route("utilisateurs")
@Menu(order = 90, title = "nav.users", icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
class UserListView extends Main implements HasDynamicTitle {

    private final UserAccountService accounts;
    private final List<DispSummary> disps;
    private final Grid<UserSummary> grid = new Grid<>(UserSummary.class, false);
    private final TextField search = new TextField();
    private final Select<Role> roleFilter = new Select<>();

    UserListView(UserAccountService accounts, ReferenceService reference) {
        this.accounts = accounts;
        this.disps = reference.disps();
        addClassName("list-view");
        setSizeFull();

        search.setLabel(getTranslation("users.search.label"));
        search.setPlaceholder(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());

        roleFilter.setLabel(getTranslation("users.role"));
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption(getTranslation("filter.all"));
        roleFilter.setItems(Role.ADMIN, Role.REFERENT, Role.COMMUNICATION);
        roleFilter.setItemLabelGenerator(role -> role == null ? getTranslation("filter.all") : getTranslation("role." + role.name()));
        roleFilter.addValueChangeListener(e -> refresh());

        var create = new Button(getTranslation("users.create"), VaadinIcon.PLUS.create(), e -> openDialog(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        configureGrid();
        add(new ViewToolbar(search, roleFilter, create), grid);
    }

    private void configureGrid() {
        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.username")).setKey("username").setSortable(true).setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.display-name")).setKey("displayName").setSortable(true).setFlexGrow(2);
        grid.addColumn(u -> getTranslation("role." + u.role().name())).setHeader(getTranslation("users.role")).setKey("role").setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> u.dispCode() == null ? "" : u.dispCode()).setHeader(getTranslation("users.disp")).setKey("dispCode").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(u -> new Span(getTranslation(u.enabled() ? "users.status.enabled" : "users.status.disabled")))
                .setHeader(getTranslation("users.status")).setKey("enabled").setAutoWidth(true);
        grid.addColumn(u -> DisplayFormats.dateTime(u.createdAt())).setHeader(getTranslation("users.created-at")).setKey("createdAt").setSortable(true).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("users.actions")).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("users.empty"));
        grid.setSizeFull();
        grid.setItemsPageable(
                pageable -> accounts.list(search.getValue(), roleFilter.getValue(), withDefaultSort(pageable)).getContent(),
                pageable -> accounts.list(search.getValue(), roleFilter.getValue(), pageable).getTotalElements());
    }

    private static org.springframework.data.domain.Pageable withDefaultSort(org.springframework.data.domain.Pageable pageable) {
        return pageable.getSort().isSorted() ? pageable
                : org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("username"));
    }

    private HorizontalLayout actions(UserSummary user) {
        var edit = new Button(VaadinIcon.EDIT.create(), e -> openDialog(user));
        edit.setAriaLabel(getTranslation("users.edit", user.username()));
        edit.setTooltipText(getTranslation("users.edit", user.username()));
        String toggleLabel = getTranslation(user.enabled() ? "users.disable" : "users.enable");
        var toggle = new Button((user.enabled() ? VaadinIcon.LOCK : VaadinIcon.UNLOCK).create(), e -> toggle(user));
        toggle.setAriaLabel(toggleLabel + " " + user.username());
        toggle.setTooltipText(toggleLabel);
        var reset = new Button(VaadinIcon.KEY.create(), e -> resetPassword(user));
        reset.setAriaLabel(getTranslation("users.reset-password") + " " + user.username());
        reset.setTooltipText(getTranslation("users.reset-password"));
        for (var button : List.of(edit, toggle, reset)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        }
        var actions = new HorizontalLayout(edit, toggle, reset);
        actions.setSpacing(false);
        return actions;
    }

    private void toggle(UserSummary user) {
        if (!user.enabled()) {
            run(() -> accounts.setEnabled(user.id(), true), getTranslation("users.enabled", user.username()));
            return;
        }
        Confirmation.ask(getTranslation("users.disable.confirm.title", user.username()),
                getTranslation("users.disable.confirm.text"), getTranslation("users.disable"),
                () -> run(() -> accounts.setEnabled(user.id(), false), getTranslation("users.disabled", user.username())));
    }

    private void resetPassword(UserSummary user) {
        Confirmation.ask(getTranslation("users.reset.confirm.title", user.username()),
                getTranslation("users.reset.confirm.text"), getTranslation("users.reset-password"),
                () -> {
                    try {
                        String password = accounts.resetPassword(user.id());
                        new PasswordDialog(user.username(), password).open();
                    } catch (UserAccountException e) {
                        Notifications.error(getTranslation(e.messageKey()));
                    }
                });
    }

    private void run(Runnable action, String success) {
        try {
            action.run();
            Notifications.success(success);
            refresh();
        } catch (UserAccountException e) {
            Notifications.error(getTranslation(e.messageKey()));
        }
    }

    private void openDialog(@org.jspecify.annotations.Nullable UserSummary user) {
        new UserDialog(accounts, disps, user, this::refresh).open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }
}

package fr.passerelle.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fr.passerelle.KaribuTest;
import fr.passerelle.base.Role;
import fr.passerelle.security.UserSummary;
import fr.passerelle.security.domain.AppUserRepository;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserListViewTest extends KaribuTest {

    @Autowired
    AppUserRepository users;

    @Test
    void anAdministratorSeesTheAccounts() {
        signIn("admin");
        UI.getCurrent().navigate(UserListView.class);

        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(3);
        assertThat(_get(com.vaadin.flow.component.html.H1.class, spec -> spec.withClasses("view-title")).getText())
                .as("the shell shows the title of the view being shown").isEqualTo("Utilisateurs");
        _get(TextField.class, spec -> spec.withPlaceholder("Rechercher un identifiant ou un nom")).setValue("referent");
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "username")).contains("referent");
        assertThat(GridKt._getFormatted(grid, 0, "role")).isEqualTo("Référent (R2IP)");
    }

    @Test
    void aBadUsernameIsShownNextToTheFieldAndNothingIsSaved() {
        signIn("admin");
        UI.getCurrent().navigate(UserListView.class);
        _click(_get(Button.class, spec -> spec.withText("Nouvel utilisateur")));

        _get(TextField.class, spec -> spec.withLabel("Identifiant")).setValue("Jean Dupont!");
        _get(TextField.class, spec -> spec.withLabel("Nom affiché")).setValue("Jean Dupont");
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));

        TextField username = _get(TextField.class, spec -> spec.withLabel("Identifiant"));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).startsWith("Identifiant invalide");
        assertThat(users.findByUsername("jean dupont!")).isEmpty();
    }

    @Test
    void anAdministratorCreatesAReferentAndSeesItsPasswordOnce() {
        signIn("admin");
        UI.getCurrent().navigate(UserListView.class);
        _click(_get(Button.class, spec -> spec.withText("Nouvel utilisateur")));
        String username = "paul." + UUID.randomUUID().toString().substring(0, 6);

        _get(TextField.class, spec -> spec.withLabel("Identifiant")).setValue(username);
        _get(TextField.class, spec -> spec.withLabel("Nom affiché")).setValue("Paul Martin");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(_get(UserDialog.class), Select.class, spec -> spec.withLabel("Rôle"));
        role.setValue(Role.REFERENT);
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));

        assertThat(_get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("DISP")).getErrorMessage())
                .isEqualTo("Un référent doit être rattaché à une DISP.");

        @SuppressWarnings("unchecked")
        var disp = (com.vaadin.flow.component.combobox.ComboBox<fr.passerelle.reference.DispSummary>)
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("DISP"));
        disp.setValue(disp.getListDataView().getItems().filter(d -> d.code().equals("DISP LYON")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Enregistrer")));

        TextField password = _get(TextField.class, spec -> spec.withLabel("Mot de passe provisoire"));
        assertThat(password.getValue()).hasSize(19);
        assertThat(users.findByUsername(username)).hasValueSatisfying(u -> assertThat(u.getDispCode()).isEqualTo("DISP LYON"));
    }

    @Test
    void disablingAnAccountIsConfirmedFirst() {
        signIn("admin");
        UI.getCurrent().navigate(UserListView.class);
        _get(TextField.class, spec -> spec.withPlaceholder("Rechercher un identifiant ou un nom")).setValue("communication");
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class);
        var actions = GridKt._getCellComponent(grid, 0, "actions");
        assertThat(actions).isNotNull();
        _click(_get(actions, Button.class, spec -> spec.withPredicate(b -> "Désactiver communication".equals(b.getAriaLabel().orElse(null)))));

        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Désactiver communication ?");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(users.findByUsername("communication").orElseThrow().isEnabled()).as("cancel changes nothing").isTrue();
        assertThat(_find(ConfirmDialog.class)).isEmpty();
    }

    @Test
    void otherRolesCannotOpenUserAdministration() {
        for (String username : new String[] {"referent", "communication"}) {
            signIn(username);
            assertAccessDenied(UserListView.class);
        }
    }
}

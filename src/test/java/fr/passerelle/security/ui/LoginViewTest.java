package fr.passerelle.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.passerelle.KaribuTest;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void theLoginPageSpeaksFrench() {
        UI.getCurrent().navigate(LoginView.class);

        assertThat(_get(H1.class).getText()).isEqualTo("Passerelle");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Connexion – Passerelle");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void aFailedSignInShowsTheError() {
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void everyViewSendsAnAnonymousVisitorToTheLoginPage() {
        var views = discoverRoutes().getRoutes();
        assertThat(views).hasSizeGreaterThan(1);
        for (Class<? extends Component> view : views) {
            if (view.isAnnotationPresent(AnonymousAllowed.class) || !view.isAnnotationPresent(com.vaadin.flow.router.Route.class)) {
                continue;
            }
            // Routes with parameters (entreprises/:companyId) get a sample value.
            String path = RouteConfiguration.forApplicationScope().getTemplate(view).orElseThrow()
                    .replaceAll(":[A-Za-z]+(\\([^)]*\\))?\\??", "1");
            UI.getCurrent().navigate(path);
            // The company portal's pages ask for the portal's own sign-in by e-mailed link.
            String signIn = path.startsWith("portail/") ? "portail/connexion" : "login";
            assertThat(RouteConfiguration.forApplicationScope().getUrl(UI.getCurrent().getCurrentView().getClass()))
                    .as(view.getSimpleName()).isEqualTo(signIn);
        }
    }
}

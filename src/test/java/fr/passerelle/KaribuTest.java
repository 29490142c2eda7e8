package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import com.vaadin.flow.server.VaadinServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Base of the browserless UI tests: Karibu drives real Vaadin views backed by the real Spring beans
 * and database. {@link #signIn(String)} signs a user in as Spring Security would after the login form.
 */
public abstract class KaribuTest extends IntegrationTest {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    private ApplicationContext context;

    @Autowired
    private UserDetailsService userDetailsService;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        syncRequestWithSecurityContext();
    }

    /** A fresh UI for the signed-in user, as after a page reload. */
    protected void setUpVaadinAgain() {
        setUpVaadin();
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in an existing account (e.g. the demo users {@code admin}, {@code referent}, {@code communication}). */
    protected void signIn(String username) {
        UserDetails user = userDetailsService.loadUserByUsername(username);
        signIn(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** Signs in with an authentication built by the test (a company user signed in by link). */
    protected void signIn(Authentication authentication) {
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);
        syncRequestWithSecurityContext();
    }

    /**
     * Navigating to a view the signed-in role may not open must not show it. (Vaadin answers such a
     * request like an unknown route, so that a forbidden page does not reveal that it exists.)
     */
    protected void assertAccessDenied(Class<? extends Component> view) {
        try {
            UI.getCurrent().navigate(view);
        } catch (RuntimeException denied) {
            assertThat(denied).hasMessageContaining("Access is denied");
            return;
        }
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(view);
    }

    protected void signOut() {
        SecurityContextHolder.clearContext();
        syncRequestWithSecurityContext();
    }

    /**
     * Every {@code @Route} and {@code @Layout} of the application, package-private views included (Karibu's own discovery
     * only finds public classes, and our views are package-private).
     */
    public static Routes discoverRoutes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        Set<Class<? extends Component>> views = new HashSet<>();
        for (var definition : scanner.findCandidateComponents("fr.passerelle")) {
            views.add(ClassUtils.resolveClassName(definition.getBeanClassName(), KaribuTest.class.getClassLoader())
                    .asSubclass(Component.class));
        }
        return new Routes(views, new HashSet<>(), true);
    }

    /** Vaadin reads the principal and roles from the request: feed Karibu's fake request from Spring Security. */
    private static void syncRequestWithSecurityContext() {
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }
}

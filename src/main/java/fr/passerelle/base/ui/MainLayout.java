package fr.passerelle.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.passerelle.base.Translations;
import fr.passerelle.base.UserProfiles;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** The shell around every signed-in view: side navigation from {@code @Menu}, user, language, sign-out. */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    MainLayout(AuthenticationContext authentication, UserProfiles profiles) {
        setPrimarySection(Section.DRAWER);
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));
        viewTitle.addClassName("view-title");
        addToNavbar(toggle, viewTitle, userArea(authentication, profiles));

        var appName = new Span(getTranslation("app.name"));
        appName.addClassName("app-name");
        var header = new Header(new Icon(VaadinIcon.CONNECT), appName);
        header.addClassName("drawer-header");
        var scroller = new Scroller(navigation());
        addToDrawer(header, scroller, new Footer(new Span(getTranslation("app.tagline"))));
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.setLabel(getTranslation("shell.navigation"));
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        String label = getTranslation(entry.title());
        String icon = entry.icon();
        if (icon == null || !icon.contains(":")) {
            return new SideNavItem(label, entry.path());
        }
        String[] parts = icon.split(":", 2);
        return new SideNavItem(label, entry.path(), new Icon(parts[0], parts[1]));
    }

    private Component userArea(AuthenticationContext authentication, UserProfiles profiles) {
        var area = new HorizontalLayout();
        area.addClassName("user-area");
        area.setAlignItems(FlexComponent.Alignment.CENTER);
        String username = authentication.getPrincipalName().orElse("");
        var profile = profiles.find(username);

        Select<Locale> language = new Select<>();
        language.setItems(Translations.LOCALES);
        language.setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        language.setValue(Translations.supported(getLocale()));
        language.setAriaLabel(getTranslation("shell.language"));
        language.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                profiles.saveLocale(username, event.getValue());
                UI.getCurrent().getSession().setLocale(event.getValue());
                UI.getCurrent().getPage().reload();
            }
        });

        var who = new Span(profile.map(UserProfiles.UserProfile::displayName).orElse(username));
        who.addClassName("user-name");
        var signOut = new Button(getTranslation("shell.sign-out"), new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        area.add(language, who, signOut);
        return area;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(titleOf(getContent()));
    }

    /** The title of the view being shown (the document title is only updated after this layout's turn). */
    private static String titleOf(Component view) {
        if (view instanceof HasDynamicTitle dynamic) {
            return dynamic.getPageTitle();
        }
        PageTitle title = view.getClass().getAnnotation(PageTitle.class);
        return title == null ? "" : view.getTranslation(title.value());
    }
}

package fr.passerelle.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
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
import com.vaadin.flow.shared.Registration;
import fr.passerelle.base.NavigationBadge;
import fr.passerelle.base.Translations;
import fr.passerelle.base.UserProfiles;
import fr.passerelle.base.ui.component.NavigationBadges;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The shell around every signed-in view: side navigation from {@code @Menu} with the numbers of the
 * {@link NavigationBadge} beans (read on each navigation and on {@link NavigationBadges#refresh()}),
 * user, language, sign-out.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();
    private final List<NavigationBadge> badges;
    /** The navigation entries that have a badge, by path. */
    private final Map<String, SideNavItem> badgedItems = new HashMap<>();
    private @Nullable Registration badgeListener;

    MainLayout(AuthenticationContext authentication, UserProfiles profiles, ObjectProvider<NavigationBadge> badges) {
        this.badges = badges.orderedStream().toList();
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
        SideNavItem item;
        if (icon == null || !icon.contains(":")) {
            item = new SideNavItem(label, entry.path());
        } else {
            String[] parts = icon.split(":", 2);
            item = new SideNavItem(label, entry.path(), new Icon(parts[0], parts[1]));
        }
        String path = withoutLeadingSlash(entry.path());
        if (badges.stream().anyMatch(badge -> withoutLeadingSlash(badge.path()).equals(path))) {
            badgedItems.put(path, item);
        }
        return item;
    }

    private static String withoutLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Shows each badge's number beside its entry, or nothing when there is none. */
    private void refreshBadges() {
        for (NavigationBadge badge : badges) {
            SideNavItem item = badgedItems.get(withoutLeadingSlash(badge.path()));
            if (item == null) {
                continue;
            }
            OptionalLong count = badge.count();
            if (count.isEmpty() || count.getAsLong() <= 0) {
                item.setSuffixComponent(null);
                continue;
            }
            var number = new Badge(String.valueOf(count.getAsLong()));
            number.addThemeVariants(BadgeVariant.SMALL);
            number.addClassName("nav-badge");
            number.getElement().setAttribute("aria-label", getTranslation(badge.descriptionKey(), count.getAsLong()));
            item.setSuffixComponent(number);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        badgeListener = NavigationBadges.addChangeListener(attachEvent.getUI(), event -> refreshBadges());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (badgeListener != null) {
            badgeListener.remove();
            badgeListener = null;
        }
        super.onDetach(detachEvent);
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
        refreshBadges();
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

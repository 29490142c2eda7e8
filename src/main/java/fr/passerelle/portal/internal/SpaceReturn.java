package fr.passerelle.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a company user lands after signing in by link: back on the page of their space they asked for unsigned (the
 * extension link of a reminder e-mail), else their space. That page is remembered in their session, by Spring
 * Security's request cache when the browser asked for it, by {@link PortalSessions} when Vaadin's router did; only
 * its path is kept, and only a path of the space made of plain segments, so that no one can send a person elsewhere
 * with it (no other site, no {@code ..}, no query).
 */
final class SpaceReturn {

    /** The session attribute holding the path the router was asked for unsigned. */
    static final String ATTRIBUTE = SpaceReturn.class.getName() + ".path";

    private static final Pattern SAFE = Pattern.compile("/portail/espace(/[A-Za-z0-9-]{1,40}){0,5}");

    private SpaceReturn() {
    }

    /** The path, starting with {@code /}, when it is a page of the company space; empty for anything else. */
    static Optional<String> safe(@Nullable String path) {
        if (path == null) {
            return Optional.empty();
        }
        String absolute = path.startsWith("/") ? path : "/" + path;
        return SAFE.matcher(absolute).matches() ? Optional.of(absolute) : Optional.empty();
    }

    /** Remembers a page of the space asked for unsigned; anything else is ignored. */
    static void remember(HttpSession session, String path) {
        safe(path).ifPresent(safe -> session.setAttribute(ATTRIBUTE, safe));
    }

    /** The page to go back to after signing in, forgotten once read; empty when none was asked for. */
    static Optional<String> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object remembered = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        var cache = new HttpSessionRequestCache();
        SavedRequest saved = cache.getRequest(request, null);
        cache.removeRequest(request, null);
        if (remembered instanceof String path) {
            return safe(path);
        }
        return saved == null || !"GET".equals(saved.getMethod()) ? Optional.empty() : safe(pathOf(saved.getRedirectUrl(), request.getContextPath()));
    }

    /** The path of a saved address within the application; its host and query are dropped. */
    private static @Nullable String pathOf(String url, String contextPath) {
        try {
            String path = new URI(url).getPath();
            return path != null && path.startsWith(contextPath) ? path.substring(contextPath.length()) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

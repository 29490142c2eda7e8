package fr.passerelle.base;

import java.net.URI;
import java.util.ArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address the public reaches Passerelle at ({@code PASSERELLE_PUBLIC_URL}), from which every link
 * in an e-mail is built, never from the request (a forged {@code Host} header must not put a stranger's
 * address into a sign-in link). Unset, it is the local address and port the application serves.
 */
@Component
public class PublicAddress {

    private final String configured;
    private final Environment environment;

    PublicAddress(@Value("${passerelle.public-url:}") String configured, Environment environment) {
        this.configured = configured.strip();
        this.environment = environment;
    }

    /** The base address, without a trailing slash ({@code https://passerelle.example.fr}). */
    public String base() {
        String base = configured.isEmpty()
                ? "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                : configured;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** An absolute link to a path of the application ({@code portail/connexion}), query parameters encoded. */
    public URI link(String path, Object... queryNameValuePairs) {
        var builder = UriComponentsBuilder.fromUriString(base()).path("/" + (path.startsWith("/") ? path.substring(1) : path));
        var values = new ArrayList<Object>();
        for (int i = 0; i + 1 < queryNameValuePairs.length; i += 2) {
            // As template variables, the values are encoded strictly ('+' and '&' too), not only the illegal characters.
            builder.queryParam(String.valueOf(queryNameValuePairs[i]), "{v" + values.size() + "}");
            values.add(queryNameValuePairs[i + 1]);
        }
        return builder.encode().buildAndExpand(values.toArray()).toUri();
    }
}

package fr.passerelle.optout.internal;

import fr.passerelle.optout.UnsubscribeHeaders;
import fr.passerelle.optout.UnsubscribeTokens;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The one-click unsubscribe of RFC 8058: a mail program POSTs {@code List-Unsubscribe=One-Click} to the link of the
 * {@code List-Unsubscribe} header, with no session and no CSRF token ({@link OptOutWebSecurity} lets it through).
 * The answer is 200 whether the address was unsubscribed now or before; a refused token gets 400 and a plain message,
 * too many refused tokens 429. A functional route rather than a controller: a GET of the same path finds no handler
 * here and goes on to the Vaadin page, which a controller's "method not allowed" would stop.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OneClickUnsubscribe {

    static final String PATH = "/" + UnsubscribeTokens.PATH + "/{token}";
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    @Bean
    RouterFunction<ServerResponse> oneClickUnsubscribeRoute(Unsubscriptions unsubscriptions) {
        // Vaadin's own requests (v-r=…) are never this endpoint's.
        RequestPredicate oneClick = RequestPredicates.POST(PATH).and(request -> request.param("v-r").isEmpty());
        return RouterFunctions.route(oneClick, request -> answer(unsubscriptions, request));
    }

    private static ServerResponse answer(Unsubscriptions unsubscriptions, ServerRequest request) {
        String marker = UnsubscribeHeaders.ONE_CLICK.substring(UnsubscribeHeaders.ONE_CLICK.indexOf('=') + 1);
        if (!request.param(UnsubscribeHeaders.LIST_UNSUBSCRIBE).map(marker::equals).orElse(false)) {
            return ServerResponse.badRequest().contentType(TEXT).body("Requête de désinscription incomplète.\n");
        }
        String client = request.servletRequest().getRemoteAddr();
        return switch (unsubscriptions.unsubscribe(request.pathVariable("token"), client == null ? "unknown" : client)) {
            case UNSUBSCRIBED, ALREADY_UNSUBSCRIBED -> ServerResponse.ok().contentType(TEXT).body("Désinscription enregistrée.\n");
            case REFUSED -> ServerResponse.badRequest().contentType(TEXT).body("Lien de désinscription invalide.\n");
            case TOO_MANY -> ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS).contentType(TEXT)
                    .body("Trop de tentatives, réessayez plus tard.\n");
        };
    }
}

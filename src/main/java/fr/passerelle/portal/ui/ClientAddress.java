package fr.passerelle.portal.ui;

import com.vaadin.flow.server.VaadinRequest;

/**
 * The visitor's address for rate limits: the request's remote address. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that it is the visitor's, not the proxy's (see {@code PortalRateLimits}).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}

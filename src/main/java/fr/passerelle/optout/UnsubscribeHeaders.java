package fr.passerelle.optout;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unsubscribe headers of one campaign message (RFC 2369 and RFC 8058).
 *
 * @param listUnsubscribe the {@code List-Unsubscribe} value: the HTTPS link first, then the mailto link
 * @param listUnsubscribePost the {@code List-Unsubscribe-Post} value, {@code List-Unsubscribe=One-Click}
 * @param page the unsubscribe page's address, for the message's footer link
 */
public record UnsubscribeHeaders(String listUnsubscribe, String listUnsubscribePost, URI page) {

    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    /** Header name to value, in the order to add them. */
    public Map<String, String> asMap() {
        var headers = new LinkedHashMap<String, String>();
        headers.put(LIST_UNSUBSCRIBE, listUnsubscribe);
        headers.put(LIST_UNSUBSCRIBE_POST, listUnsubscribePost);
        return headers;
    }
}

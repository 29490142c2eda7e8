package fr.passerelle.optout;

import fr.passerelle.base.KeyedHashes;
import fr.passerelle.base.PublicAddress;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe tokens and the headers that carry them. A token holds the recipient's address and the campaign's id,
 * signed with a keyed hash of the installation's secret ({@link KeyedHashes}): checking one needs no database, and
 * a token altered in any way, or made up, is refused. Tokens do not expire (an unsubscribe link must work as long as
 * the message is kept); changing {@code PASSERELLE_SECRET} invalidates all of them.
 *
 * <p>The address is readable by whoever holds the token (it is encoded, not encrypted): the token only travels in the
 * message sent to that very address.
 */
@Component
public class UnsubscribeTokens {

    /** The path of the page and of the one-click endpoint; the token follows. */
    public static final String PATH = "desinscription";
    /** The words the mailto link's subject starts with, before the token. */
    public static final String MAILTO_SUBJECT = "desinscription";
    static final String HASH_PURPOSE = "unsubscribe-token";
    private static final String VERSION = "1";
    private static final int SIGNATURE_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 700;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    /** A token inside other text (a mail's subject, a link). */
    public static final Pattern TOKEN_IN_TEXT = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])");

    private final KeyedHashes hashes;
    private final PublicAddress publicAddress;
    private final String mailto;

    UnsubscribeTokens(KeyedHashes hashes, PublicAddress publicAddress,
                      @Value("${passerelle.mail.unsubscribe-mailto:}") String mailto,
                      @Value("${passerelle.mail.from:}") String from) {
        this.hashes = hashes;
        this.publicAddress = publicAddress;
        this.mailto = mailto.isBlank() ? addressOf(from) : addressOf(mailto);
    }

    /** A URL-safe token for the address (normalised first) and the campaign. */
    public String issue(String address, long campaignId) {
        String key = OptOuts.normalise(address).orElseThrow(() -> new IllegalArgumentException("Not an e-mail address"));
        String payload = VERSION + "\n" + campaignId + "\n" + key;
        return encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + encode(signature(payload));
    }

    /** What the token says, or empty when it is malformed, altered or forged. */
    public Optional<UnsubscribeToken> read(String token) {
        if (token.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            byte[] payloadBytes = Base64.getUrlDecoder().decode(token.substring(0, dot));
            String payload = new String(payloadBytes, StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            // Only the canonical spelling: the decoder ignores the unused low bits of a last character.
            boolean canonical = (encode(payloadBytes) + "." + encode(signature)).equals(token);
            if (!MessageDigest.isEqual(signature, signature(payload)) || !canonical) {
                return Optional.empty();
            }
            String[] parts = payload.split("\n", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            return OptOuts.normalise(parts[2]).filter(parts[2]::equals)
                    .map(address -> new UnsubscribeToken(address, Long.parseLong(parts[1])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The page (and one-click) address for a token, on the public address, never the request's. */
    public URI page(String token) {
        return publicAddress.link(PATH + "/" + token);
    }

    /** The unsubscribe headers of a campaign message to the address. */
    public UnsubscribeHeaders headers(String address, long campaignId) {
        String token = issue(address, campaignId);
        URI page = page(token);
        String subject = URLEncoder.encode(MAILTO_SUBJECT + " " + token, StandardCharsets.UTF_8).replace("+", "%20");
        String value = "<" + page + ">, <mailto:" + mailto + "?subject=" + subject + ">";
        return new UnsubscribeHeaders(value, UnsubscribeHeaders.ONE_CLICK, page);
    }

    private byte[] signature(String payload) {
        byte[] full = HexFormat.of().parseHex(hashes.of(HASH_PURPOSE, payload));
        return Arrays.copyOf(full, SIGNATURE_BYTES);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String addressOf(String configured) {
        try {
            return new InternetAddress(configured, true).getAddress();
        } catch (AddressException e) {
            throw new IllegalStateException("passerelle.mail.unsubscribe-mailto (or passerelle.mail.from) is not an e-mail address", e);
        }
    }
}

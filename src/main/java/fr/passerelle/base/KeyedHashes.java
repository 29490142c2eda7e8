package fr.passerelle.base;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) that stand for a value where only a match is needed: a client address or an e-mail
 * address in the rate limits, a visitor's address kept with a declaration. Unlike a plain hash, one cannot be reversed
 * by trying every IPv4 address without the installation's secret: {@code PASSERELLE_SECRET} when it is set (at least
 * 32 characters), otherwise the one drawn when the database was created (V23), so that every instance on one database
 * hashes alike.
 */
@Component
public class KeyedHashes {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_SECRET_LENGTH = 32;

    private final byte[] secret;

    KeyedHashes(JdbcClient jdbc, @Value("${passerelle.secret:}") String configured) {
        String secret = configured.isBlank()
                ? jdbc.sql("select secret from installation_secret where id = 1").query(String.class).single()
                : configured;
        if (secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException("PASSERELLE_SECRET must have at least " + MINIMUM_SECRET_LENGTH + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The value's keyed hash for one purpose, as 64 hexadecimal digits; the same value hashes differently for another
     * purpose.
     *
     * @param purpose what the hash is for, e.g. {@code rate-limit}; never typed by anyone
     */
    public String of(String purpose, String value) {
        try {
            Mac purposeKey = Mac.getInstance(ALGORITHM);
            purposeKey.init(new SecretKeySpec(secret, ALGORITHM));
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(purposeKey.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

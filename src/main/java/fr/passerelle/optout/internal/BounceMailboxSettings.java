package fr.passerelle.optout.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The IMAP mailbox that receives bounces ({@code passerelle.mail.bounces.imap.*}): the address campaign messages give
 * as their return path, and the mailto of their unsubscribe header. Without a host nothing is read.
 *
 * @param port 0 for the protocol's usual one (993 with SSL, 143 without)
 * @param folder where new messages arrive
 * @param processedFolder where read messages are moved; blank to leave them in place, marked seen
 */
@ConfigurationProperties("passerelle.mail.bounces.imap")
public record BounceMailboxSettings(@DefaultValue("") String host, @DefaultValue("0") int port, @DefaultValue("") String user,
                                    @DefaultValue("") String password, @DefaultValue("INBOX") String folder,
                                    @DefaultValue("true") boolean ssl, @DefaultValue("") String processedFolder) {

    public boolean configured() {
        return !host.isBlank();
    }

    String protocol() {
        return ssl ? "imaps" : "imap";
    }

    int effectivePort() {
        return port > 0 ? port : ssl ? 993 : 143;
    }
}

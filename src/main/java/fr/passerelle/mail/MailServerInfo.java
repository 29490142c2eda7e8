package fr.passerelle.mail;

import org.jspecify.annotations.Nullable;

/**
 * The SMTP server the application sends through, fit for a log line or an administrator's screen:
 * it never carries a password.
 *
 * @param embedded true for the in-process server that catches mail for the Mailbox view
 * @param port     the TCP port, or -1 for the protocol's default
 * @param username who the application signs in as, or null without authentication
 * @param startTls true when the connection is upgraded with STARTTLS
 */
public record MailServerInfo(boolean embedded, String host, int port, @Nullable String username, boolean startTls) {

    public static MailServerInfo embedded(String host, int port) {
        return new MailServerInfo(true, host, port, null, false);
    }

    public String address() {
        return port > 0 ? host + ":" + port : host;
    }

    public String description() {
        if (embedded) {
            return "embedded SMTP server (GreenMail) on " + address();
        }
        return "SMTP server " + address()
                + (username == null ? " without authentication" : " as user " + username)
                + (startTls ? ", STARTTLS" : "");
    }
}

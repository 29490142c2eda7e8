package fr.passerelle.optout.internal;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Bounce mailbox messages as real mail servers write them: a Postfix delivery status notification (RFC 3464), a
 * multi-recipient one with a temporary failure and a delay warning, an ARF feedback report (RFC 5965), an
 * unsubscribe sent to the mailto link, and an auto-reply.
 */
final class BounceMessages {

    private BounceMessages() {
    }

    /** Postfix's "Undelivered Mail Returned to Sender", with the returned message's headers. */
    static MimeMessage hardBounce(String messageId, String recipient, String listUnsubscribe) {
        return parse("""
                Return-Path: <>
                Date: Tue,  3 Nov 2026 10:15:00 +0100 (CET)
                From: MAILER-DAEMON@mx.exemple.fr (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                To: bounces@passerelle.local
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                \tboundary="8C1A41F4A2.1762161300/mx.exemple.fr"
                Message-Id: <%1$s>

                This is a MIME-encapsulated message.

                --8C1A41F4A2.1762161300/mx.exemple.fr
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.exemple.fr.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                <%2$s>: host mail.exemple.fr[192.0.2.25] said: 550 5.1.1
                    <%2$s>: Recipient address rejected: User unknown in virtual mailbox
                    table (in reply to RCPT TO command)

                --8C1A41F4A2.1762161300/mx.exemple.fr
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.exemple.fr
                X-Postfix-Queue-ID: 8C1A41F4A2
                X-Postfix-Sender: rfc822; bounces@passerelle.local
                Arrival-Date: Tue,  3 Nov 2026 10:14:58 +0100 (CET)

                Final-Recipient: rfc822; %2$s
                Original-Recipient: rfc822;%2$s
                Action: failed
                Status: 5.1.1
                Remote-MTA: dns; mail.exemple.fr
                Diagnostic-Code: smtp; 550 5.1.1 <%2$s>: Recipient address rejected:
                    User unknown in virtual mailbox table

                --8C1A41F4A2.1762161300/mx.exemple.fr
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                Return-Path: <bounces@passerelle.local>
                From: Passerelle <ne-pas-repondre@passerelle.local>
                To: %2$s
                Subject: =?UTF-8?Q?Recruter_des_personnes_sortant_de_d=C3=A9tention?=
                List-Unsubscribe: %3$s
                List-Unsubscribe-Post: List-Unsubscribe=One-Click
                Message-ID: <campagne-77-1@passerelle.local>
                MIME-Version: 1.0

                --8C1A41F4A2.1762161300/mx.exemple.fr--
                """.formatted(messageId, recipient, listUnsubscribe));
    }

    /** Two recipients: one given up on after retries (4.4.1), one only delayed (a warning, not a failure). */
    static MimeMessage softBounceAndDelay(String messageId, String failed, String delayed) {
        return parse("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@relais.exemple.org>
                To: bounces@passerelle.local
                Subject: Delivery Status Notification (Failure)
                Date: Wed, 4 Nov 2026 08:00:00 +0000
                Message-ID: <%1$s>
                MIME-Version: 1.0
                Content-Type: multipart/report; boundary="=_dsn_42"; report-type="delivery-status"

                --=_dsn_42
                Content-Type: text/plain; charset=utf-8

                Delivery to the following recipients has been delayed or failed.

                --=_dsn_42
                Content-Type: message/delivery-status

                Reporting-MTA: dns;relais.exemple.org
                Received-From-MTA: dns;passerelle.local
                Arrival-Date: Mon, 2 Nov 2026 08:00:00 +0000

                Final-Recipient: rfc822;%2$s
                Action: failed
                Status: 4.4.1 (persistent transient failure - routing/network: no answer from host)
                Will-Retry-Until: Wed, 4 Nov 2026 08:00:00 +0000

                Final-Recipient: rfc822;%3$s
                Action: delayed
                Status: 4.2.2
                Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

                --=_dsn_42--
                """.formatted(messageId, failed, delayed));
    }

    /** An abuse report in the Abuse Reporting Format, the original recipient only in the returned message. */
    static MimeMessage complaint(String messageId, String recipient, String listUnsubscribe) {
        return parse("""
                From: <feedback@fbl.exemple.net>
                Date: Thu, 5 Nov 2026 12:00:00 +0000
                Subject: FW: Recruter des personnes sortant de detention
                To: <bounces@passerelle.local>
                Message-ID: <%1$s>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report;
                     boundary="part1_13d.2e68ed54_boundary"

                --part1_13d.2e68ed54_boundary
                Content-Type: text/plain; charset="US-ASCII"
                Content-Transfer-Encoding: 7bit

                This is an email abuse report for an email message received from IP
                192.0.2.1 on Thu, 5 Nov 2026 11:00:00 +0000.

                --part1_13d.2e68ed54_boundary
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: SomeGenerator/1.0
                Version: 1
                Original-Mail-From: <bounces@passerelle.local>
                Arrival-Date: Thu, 5 Nov 2026 11:00:00 +0000
                Source-IP: 192.0.2.1
                Reported-Domain: passerelle.local

                --part1_13d.2e68ed54_boundary
                Content-Type: message/rfc822
                Content-Disposition: inline

                From: Passerelle <ne-pas-repondre@passerelle.local>
                To: %2$s
                Subject: Recruter des personnes sortant de detention
                List-Unsubscribe: %3$s
                Message-ID: <campagne-77-2@passerelle.local>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Bonjour,
                --part1_13d.2e68ed54_boundary--
                """.formatted(messageId, recipient, listUnsubscribe));
    }

    /** What a mail program sends to the mailto link of List-Unsubscribe. */
    static MimeMessage mailtoUnsubscribe(String messageId, String from, String subject) {
        return parse("""
                From: %2$s
                To: ne-pas-repondre@passerelle.local
                Subject: %3$s
                Message-ID: <%1$s>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                This message was automatically generated by a mail program to unsubscribe.
                """.formatted(messageId, from, subject));
    }

    static MimeMessage autoReply(String messageId) {
        return parse("""
                From: Claire Martin <claire.martin@exemple.fr>
                To: bounces@passerelle.local
                Subject: =?UTF-8?Q?R=C3=A9ponse_automatique_:_absente?=
                Auto-Submitted: auto-replied
                Message-ID: <%1$s>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Je suis absente jusqu'au 15 novembre.
                """.formatted(messageId));
    }

    private static MimeMessage parse(String text) {
        try {
            byte[] raw = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

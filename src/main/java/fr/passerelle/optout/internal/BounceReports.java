package fr.passerelle.optout.internal;

import fr.passerelle.optout.OptOuts;
import fr.passerelle.optout.UnsubscribeToken;
import fr.passerelle.optout.UnsubscribeTokens;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads what a message of the bounce mailbox says, with Jakarta Mail's report support (Angus {@code dsn}) rather than by
 * hand: a delivery status notification (RFC 3464, {@code multipart/report; report-type=delivery-status}) gives one
 * event per recipient whose action is {@code failed} (5.x.x hard, 4.x.x soft; {@code delayed} warnings count for
 * nothing); a feedback report (RFC 5965, {@code report-type=feedback-report}) is a complaint about its original
 * recipient; a message whose subject holds a valid unsubscribe token is the mailto unsubscribe. Anything else (an
 * auto-reply, spam) says nothing. The campaign comes from the unsubscribe header of the returned message, when it is
 * there.
 */
@Component
class BounceReports {

    private final UnsubscribeTokens tokens;

    BounceReports(UnsubscribeTokens tokens) {
        this.tokens = tokens;
    }

    List<Bounce> read(Message message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof MultipartReport report) {
            String type = Optional.ofNullable(new ContentType(message.getContentType()).getParameter("report-type"))
                    .orElse("").toLowerCase(Locale.ROOT);
            @Nullable String source = campaignOf(report);
            return switch (type) {
                case "delivery-status" -> deliveryStatus(report, source);
                case "feedback-report" -> feedback(report, source);
                default -> List.of();
            };
        }
        return mailtoUnsubscribe(message);
    }

    private static List<Bounce> deliveryStatus(MultipartReport report, @Nullable String source) throws MessagingException {
        DeliveryStatus status = report.getDeliveryStatus();
        if (status == null) {
            return List.of();
        }
        var bounces = new ArrayList<Bounce>();
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            InternetHeaders recipient = status.getRecipientDSN(i);
            String action = first(recipient, "Action");
            String code = first(recipient, "Status");
            Optional<String> address = address(first(recipient, "Final-Recipient")).or(() -> address(first(recipient, "Original-Recipient")));
            if (action == null || code == null || address.isEmpty() || !action.strip().equalsIgnoreCase("failed")) {
                continue;
            }
            String statusCode = code.strip().split("[\\s(]", 2)[0];
            if (statusCode.startsWith("5.")) {
                bounces.add(new Bounce(address.get(), Bounce.Kind.HARD, source, statusCode));
            } else if (statusCode.startsWith("4.")) {
                bounces.add(new Bounce(address.get(), Bounce.Kind.SOFT, source, statusCode));
            }
        }
        return bounces;
    }

    private static List<Bounce> feedback(MultipartReport report, @Nullable String source) throws MessagingException, IOException {
        if (report.getCount() < 2) {
            return List.of();
        }
        BodyPart part = report.getBodyPart(1);
        if (!part.isMimeType("message/feedback-report")) {
            return List.of();
        }
        InternetHeaders fields;
        try (InputStream in = part.getInputStream()) {
            fields = new InternetHeaders(in);
        }
        String feedbackType = first(fields, "Feedback-Type");
        Optional<String> address = address(first(fields, "Original-Rcpt-To"));
        if (address.isEmpty()) {
            MimeMessage returned = report.getReturnedMessage();
            if (returned != null && returned.getRecipients(Message.RecipientType.TO) != null
                    && returned.getRecipients(Message.RecipientType.TO).length == 1) {
                address = address(((InternetAddress) returned.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            }
        }
        return address.map(a -> List.of(new Bounce(a, Bounce.Kind.COMPLAINT, source, feedbackType == null ? null : feedbackType.strip())))
                .orElse(List.of());
    }

    private List<Bounce> mailtoUnsubscribe(Message message) throws MessagingException {
        String subject = message.getSubject();
        if (subject == null || !subject.strip().toLowerCase(Locale.ROOT).startsWith(UnsubscribeTokens.MAILTO_SUBJECT)) {
            return List.of();
        }
        Matcher token = UnsubscribeTokens.TOKEN_IN_TEXT.matcher(subject);
        while (token.find()) {
            Optional<UnsubscribeToken> valid = tokens.read(token.group());
            if (valid.isPresent()) {
                return List.of(new Bounce(valid.get().address(), Bounce.Kind.UNSUBSCRIBE, valid.get().source(), null));
            }
        }
        return List.of();
    }

    /** The campaign named by the token in the returned message's {@code List-Unsubscribe}, if any. */
    private @Nullable String campaignOf(MultipartReport report) {
        try {
            MimeMessage returned = report.getReturnedMessage();
            String header = returned == null ? null : returned.getHeader("List-Unsubscribe", ",");
            if (header == null) {
                return null;
            }
            Matcher token = UnsubscribeTokens.TOKEN_IN_TEXT.matcher(header);
            while (token.find()) {
                Optional<UnsubscribeToken> valid = tokens.read(token.group());
                if (valid.isPresent()) {
                    return valid.get().source();
                }
            }
        } catch (MessagingException unreadable) {
            // The returned message is optional in both kinds of report.
        }
        return null;
    }

    private static @Nullable String first(InternetHeaders headers, String name) {
        String[] values = headers.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** The address of a field like {@code rfc822; someone@example.org} (or a bare address, or {@code <…>}). */
    private static Optional<String> address(@Nullable String field) {
        if (field == null) {
            return Optional.empty();
        }
        String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
        value = value.strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        return OptOuts.normalise(value);
    }
}

package fr.passerelle.mail.internal;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.mail.CaughtMailbox;
import fr.passerelle.mail.CaughtMessage;
import jakarta.mail.MessagingException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reads what the embedded server caught. GreenMail files a copy of a message in each recipient's
 * inbox; the copies share a Message-ID, so the mailbox shows the message once. Only the requested
 * page is decoded.
 */
@PreAuthorize("hasRole('ADMIN')")
class GreenMailMailbox implements CaughtMailbox {

    private static final Comparator<StoredMessage> NEWEST_FIRST = Comparator
            .comparing(StoredMessage::getReceivedDate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Comparator.comparingLong(StoredMessage::getUid).reversed());

    private final GreenMail server;

    GreenMailMailbox(GreenMail server) {
        this.server = server;
    }

    @Override
    public List<CaughtMessage> list(int offset, int limit) {
        return distinctNewestFirst().stream().skip(offset).limit(limit).map(CaughtMessageReader::read).toList();
    }

    @Override
    public int count() {
        return distinctNewestFirst().size();
    }

    @Override
    public void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not empty the embedded mailbox", e);
        }
    }

    private List<StoredMessage> distinctNewestFirst() {
        Map<Object, StoredMessage> distinct = new LinkedHashMap<>();
        server.getManagers().getImapHostManager().getAllMessages().stream()
                .sorted(NEWEST_FIRST)
                .forEach(message -> distinct.putIfAbsent(key(message), message));
        return List.copyOf(distinct.values());
    }

    private static Object key(StoredMessage message) {
        try {
            String id = message.getMimeMessage().getMessageID();
            return id != null ? id : message;
        } catch (MessagingException e) {
            return message;
        }
    }
}

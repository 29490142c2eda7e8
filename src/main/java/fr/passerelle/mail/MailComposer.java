package fr.passerelle.mail;

import java.util.List;
import java.util.Map;

/**
 * Writes the messages of rows enqueued with {@link MailOutbox#enqueueComposed}: the outbox holds only the address
 * and the caller's recipient id ({@code ref}), the module that owns the {@link #kind()} composes the message when
 * the row is sent, for a whole claimed batch at once (one query for its data, not one per recipient). It may
 * answer {@link Composition.Skip} for a recipient who must not get the message any more (opted out meanwhile):
 * the row ends {@code SKIPPED} with that reason.
 *
 * <p>A bean of the module that owns the kind; one composer per kind. Called on the delivery worker's thread,
 * outside any transaction and without a signed-in user.
 */
public interface MailComposer {

    /** The outbox kind this composer writes, e.g. {@code campaign.message}. */
    String kind();

    /**
     * One answer per row, by row id. The message goes to the row's address whatever {@link OutgoingMail#to()}
     * says. A row left without an answer, or an exception, puts the rows back for a later attempt (back-off).
     */
    Map<Long, Composition> compose(List<Row> rows);

    /** A claimed row: the recipient's address and the caller's id for them. */
    record Row(long id, String kind, String stream, String address, long ref) {
    }

    /** What to do with a row. */
    sealed interface Composition {

        static Composition send(OutgoingMail mail) {
            return new Send(mail);
        }

        static Composition skip(String reason) {
            return new Skip(reason);
        }
    }

    record Send(OutgoingMail mail) implements Composition {
    }

    /** Not sent, never: the row ends {@code SKIPPED}, with the reason kept for the stream's results. */
    record Skip(String reason) implements Composition {

        public Skip {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("A skip needs its reason");
            }
        }
    }
}

package fr.passerelle.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The composer the outbox tests enqueue for (kind {@code test.composed}): a message per recipient that names its
 * {@code ref}, with the unsubscribe headers a campaign's messages carry; the refs in {@link #optedOut} are skipped.
 * A bean (found by the component scan in the tests only), so that the application's own worker composes them too.
 */
@Component
class TestComposer implements MailComposer {

    static final String KIND = "test.composed";

    final Set<Long> optedOut = ConcurrentHashMap.newKeySet();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<Long, Composition> compose(List<Row> rows) {
        calls.incrementAndGet();
        Map<Long, Composition> answers = new LinkedHashMap<>();
        for (Row row : rows) {
            answers.put(row.id(), optedOut.contains(row.ref())
                    ? Composition.skip("opted out")
                    : Composition.send(OutgoingMail.text(row.address(), "Message " + row.ref(), "Bonjour, destinataire " + row.ref())
                    .withHeader("List-Unsubscribe", "<https://passerelle.example/desinscription/t" + row.ref() + ">")
                    .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        }
        return answers;
    }
}

package fr.passerelle.campaign;

import fr.passerelle.mail.MailComposer;
import fr.passerelle.optout.OptOuts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Writes a claimed batch of a campaign's rows (ref = contact id) when they are sent: the contacts, their companies and
 * referents in one query, the opt-out list in another, the campaign's frozen snapshot rendered for each. A recipient who
 * must not get it any more is skipped, with a reason the results can count: {@value #OPTED_OUT} (the address is on the
 * opt-out list), {@value #CONTACT_DELETED}, {@value #CONTACT_UNSUBSCRIBED}, {@value #CONTACT_BOUNCED}, or
 * {@value #ADDRESS_CHANGED} (the contact has another address now).
 */
@Component
class CampaignComposer implements MailComposer {

    static final String OPTED_OUT = "opted-out";
    static final String CONTACT_DELETED = "contact-deleted";
    static final String CONTACT_UNSUBSCRIBED = "contact-unsubscribed";
    static final String CONTACT_BOUNCED = "contact-bounced";
    static final String ADDRESS_CHANGED = "address-changed";
    static final String NO_CAMPAIGN = "campaign-not-launched";
    private static final String PREFIX = "campaign:";

    private final CampaignMessages messages;
    private final OptOuts optOuts;

    CampaignComposer(CampaignMessages messages, OptOuts optOuts) {
        this.messages = messages;
        this.optOuts = optOuts;
    }

    @Override
    public String kind() {
        return CampaignMessages.KIND;
    }

    @Override
    public Map<Long, Composition> compose(List<Row> rows) {
        Set<Long> campaignIds = new HashSet<>();
        Set<Long> contactIds = new HashSet<>();
        for (Row row : rows) {
            campaignIds.add(campaignId(row.stream()));
            contactIds.add(row.ref());
        }
        Map<Long, CampaignMessages.Snapshot> snapshots = messages.snapshots(campaignIds);
        Map<Long, CampaignMessages.Person> people = messages.people(contactIds);
        Set<String> blocked = optOuts.optedOut(rows.stream().map(Row::address).toList());
        Map<Long, Composition> answers = new HashMap<>();
        for (Row row : rows) {
            String address = row.address().strip().toLowerCase(Locale.ROOT);
            CampaignMessages.Snapshot snapshot = snapshots.get(campaignId(row.stream()));
            CampaignMessages.Person person = people.get(row.ref());
            String skip = snapshot == null ? NO_CAMPAIGN
                    : blocked.contains(address) ? OPTED_OUT
                    : person == null ? CONTACT_DELETED
                    : person.emailStatus().equals("UNSUBSCRIBED") ? CONTACT_UNSUBSCRIBED
                    : person.emailStatus().equals("BOUNCED") ? CONTACT_BOUNCED
                    : person.email() == null || !person.email().strip().toLowerCase(Locale.ROOT).equals(address) ? ADDRESS_CHANGED
                    : null;
            answers.put(row.id(), skip != null ? Composition.skip(skip) : Composition.send(messages.message(snapshot, row.address(), person)));
        }
        return answers;
    }

    private static long campaignId(String stream) {
        if (!stream.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a campaign stream: " + stream);
        }
        return Long.parseLong(stream.substring(PREFIX.length()));
    }

    /** The campaign of a stream, or -1 when the stream is not a campaign's. */
    static long campaignOf(String stream) {
        try {
            return campaignId(stream);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}

package fr.passerelle.partner.companypage;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Lines another module adds to a company's activity timeline (an offer created, an offer's state changed). */
public interface CompanyTimelineSource {

    /** The company's events from this source, in any order (the timeline sorts them with its own). */
    List<Event> timeline(long companyId);

    /**
     * @param author the account name of who did it ("system" for jobs)
     * @param icon   a Vaadin icon name, e.g. {@code vaadin:briefcase}
     * @param detail a longer text shown under the headline, as it is
     */
    record Event(Instant at, String author, PageText headline, @Nullable String detail, String icon) {
    }
}

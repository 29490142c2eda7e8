package fr.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The services behind the company page: what they return matches what they store, and what people read. */
class CompanyActivityServicesTest extends IntegrationTest {

    @Autowired
    CompanyService companies;

    @Autowired
    ContactService contacts;

    @Autowired
    ActivityService activity;

    @Autowired
    CompanyHistoryService history;

    @Test
    @WithUserDetails("referent")
    void anInteractionTimedToTheNanosecondIsLoggedAndReturned() {
        long company = companies.create(LuhnSirets.company("Nano SARL", "21"), CompanySource.MANUAL).id();
        LocalDateTime now = LocalDateTime.of(2026, 3, 2, 10, 15, 30, 123_456_789);

        TimelineEntry logged = activity.logInteraction(company, new InteractionDraft(InteractionKind.CALL, now, null, "Premier appel"));

        assertThat(logged.summary()).isEqualTo("Premier appel");
        assertThat(activity.timeline(company)).as("the timeline shows what was returned").contains(logged);
        assertThat(logged.at()).isEqualTo(now.truncatedTo(ChronoUnit.MICROS).atZone(DisplayFormats.PARIS).toInstant());
    }

    @Test
    @WithUserDetails("referent")
    void aContactWithLoggedInteractionsCanBeDeletedAndTheInteractionsStay() {
        long company = companies.create(LuhnSirets.company("Contact SARL", "21"), CompanySource.MANUAL).id();
        ContactSummary contact = contacts.add(company, new ContactDraft("Marie", "Curie", null, null, null, false, EmailStatus.ACTIVE));
        activity.logInteraction(company, new InteractionDraft(InteractionKind.MEETING, LocalDateTime.now().minusHours(1),
                contact.id(), "Rendez-vous sur site"));

        contacts.delete(contact.id());

        assertThat(contacts.ofCompany(company)).isEmpty();
        List<TimelineEntry> interactions = activity.timeline(company).stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.INTERACTION).toList();
        assertThat(interactions).singleElement().satisfies(e -> assertThat(e.summary()).isEqualTo("Rendez-vous sur site"));
    }

    @Test
    @WithUserDetails("referent")
    void theHistoryNamesTheReferentWhoOwnsTheCompany() {
        long company = companies.create(LuhnSirets.company("Historique SARL", "21"), CompanySource.MANUAL).id();

        HistoryEntry created = history.history(company).getLast();

        assertThat(created.change()).isEqualTo(TimelineEntry.Change.CREATED);
        assertThat(created.fields()).contains(new HistoryEntry.FieldChange("partner.field.owner", null, "Référent démo (Dijon)"));
    }
}

package fr.passerelle.workshop;

import static fr.passerelle.workshop.WorkshopFixtures.DIJON_ESTABLISHMENT;
import static fr.passerelle.workshop.WorkshopFixtures.LYON_ESTABLISHMENT;
import static fr.passerelle.workshop.WorkshopFixtures.anonymous;
import static fr.passerelle.workshop.WorkshopFixtures.draft;
import static fr.passerelle.workshop.WorkshopFixtures.establishmentId;
import static fr.passerelle.workshop.WorkshopFixtures.interest;
import static fr.passerelle.workshop.WorkshopFixtures.token;
import static fr.passerelle.workshop.WorkshopFixtures.userId;
import static fr.passerelle.workshop.WorkshopFixtures.withPublic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DisplayFormats;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class WorkshopServiceTest extends IntegrationTest {

    @Autowired
    WorkshopService workshops;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationEvents events;

    private void signIn(String username) {
        WorkshopFixtures.signIn(users, username);
    }

    private long dijon() {
        return establishmentId(jdbc, DIJON_ESTABLISHMENT);
    }

    private long lyon() {
        return establishmentId(jdbc, LYON_ESTABLISHMENT);
    }

    @Test
    void aReferentRecordsASpaceOfTheirDispWithTrimmedValues() {
        signIn("referent");
        long referent = userId(jdbc, "referent");
        String label = "  Atelier 2 – bâtiment B " + token() + "  ";
        var typed = new WorkshopSpaceDraft(dijon(), label, 450, null, true, "  menuiserie ", ActivityCategory.WOODWORK,
                Availability.AVAILABLE_FROM, DisplayFormats.today().plusDays(30), referent, "   ", false);

        WorkshopSpaceSummary created = workshops.create(typed);

        assertThat(created.label()).isEqualTo(label.strip());
        assertThat(created.establishmentName()).isNotBlank();
        assertThat(created.dispCode()).isEqualTo("DISP DIJON");
        assertThat(created.currentActivity()).isEqualTo("menuiserie");
        assertThat(created.notes()).isNull();
        assertThat(created.storageM2()).isNull();
        assertThat(created.availableFrom()).isEqualTo(DisplayFormats.today().plusDays(30));
        assertThat(created.referentName()).isEqualTo("Référent démo (Dijon)");
        assertThat(workshops.spacesOfEstablishment(dijon())).extracting(WorkshopSpaceSummary::id).contains(created.id());
        assertThat(workshops.spacesOfDisp("DISP DIJON")).extracting(WorkshopSpaceSummary::id).contains(created.id());
        assertThat(jdbc.sql("select count(*) from workshop_space_aud where id = :id and revtype = 0").param("id", created.id())
                .query(Long.class).single()).as("audited").isEqualTo(1);

        var available = new WorkshopSpaceDraft(dijon(), "Atelier renommé", 500, 10, false, null, ActivityCategory.ASSEMBLY,
                Availability.AVAILABLE, LocalDate.of(2020, 1, 1), null, null, true);
        WorkshopSpaceSummary updated = workshops.update(created.id(), created.version(), available);
        assertThat(updated.availableFrom()).as("no date unless AVAILABLE_FROM").isNull();
        assertThat(updated.label()).isEqualTo("Atelier renommé");
        assertThatThrownBy(() -> workshops.update(created.id(), created.version(), available))
                .isInstanceOf(WorkshopException.class).hasMessage("workshop.error.changed-meanwhile");

        workshops.delete(created.id());
        assertThat(workshops.space(created.id())).isEmpty();
    }

    @Test
    void everyBadValueIsReportedAgainstItsField() {
        signIn("admin");
        WorkshopSpaceDraft good = draft(dijon(), "Atelier " + token());
        long admin = userId(jdbc, "admin");
        assertField(good, d -> new WorkshopSpaceDraft(null, d.label(), d.areaM2(), d.storageM2(), d.loadingDock(), d.currentActivity(),
                d.activityCategory(), d.availability(), d.availableFrom(), d.referentId(), d.notes(), d.publicListing()),
                "establishmentId", "workshop.error.establishment-required");
        assertField(good, d -> new WorkshopSpaceDraft(-1L, d.label(), d.areaM2(), d.storageM2(), d.loadingDock(), d.currentActivity(),
                d.activityCategory(), d.availability(), d.availableFrom(), d.referentId(), d.notes(), d.publicListing()),
                "establishmentId", "workshop.error.establishment-unknown");
        assertField(good, d -> label(d, "   "), "label", "workshop.error.label-required");
        assertField(good, d -> label(d, "x".repeat(121)), "label", "workshop.error.label-too-long");
        assertField(good, d -> area(d, null, null), "areaM2", "workshop.error.area-required");
        assertField(good, d -> area(d, 0, null), "areaM2", "workshop.error.area-range");
        assertField(good, d -> area(d, 100_001, null), "areaM2", "workshop.error.area-range");
        assertField(good, d -> area(d, 100, -1), "storageM2", "workshop.error.storage-range");
        assertField(good, d -> new WorkshopSpaceDraft(d.establishmentId(), d.label(), d.areaM2(), d.storageM2(), d.loadingDock(),
                "x".repeat(201), d.activityCategory(), d.availability(), d.availableFrom(), d.referentId(), d.notes(), d.publicListing()),
                "currentActivity", "workshop.error.current-activity-too-long");
        assertField(good, d -> new WorkshopSpaceDraft(d.establishmentId(), d.label(), d.areaM2(), d.storageM2(), d.loadingDock(),
                d.currentActivity(), null, d.availability(), d.availableFrom(), d.referentId(), d.notes(), d.publicListing()),
                "activityCategory", "workshop.error.category-required");
        assertField(good, d -> availability(d, null, null), "availability", "workshop.error.availability-required");
        assertField(good, d -> availability(d, Availability.AVAILABLE_FROM, null), "availableFrom", "workshop.error.available-from-required");
        assertField(good, d -> availability(d, Availability.AVAILABLE_FROM, DisplayFormats.today().minusDays(1)),
                "availableFrom", "workshop.error.available-from-past");
        assertField(good, d -> new WorkshopSpaceDraft(d.establishmentId(), d.label(), d.areaM2(), d.storageM2(), d.loadingDock(),
                d.currentActivity(), d.activityCategory(), d.availability(), d.availableFrom(), d.referentId(), "x".repeat(1001),
                d.publicListing()), "notes", "workshop.error.notes-too-long");
        // An administrator is not a referent; the demo referent is not one of DISP LYON.
        assertField(good, d -> referent(d, admin), "referentId", "workshop.error.referent-not-of-disp");
        assertField(draft(lyon(), "Atelier " + token()), d -> referent(d, userId(jdbc, "referent")), "referentId",
                "workshop.error.referent-not-of-disp");

        var longest = new WorkshopSpaceDraft(dijon(), "x".repeat(120), 100_000, 100_000, false, "y".repeat(200),
                ActivityCategory.OTHER, Availability.AVAILABLE_FROM, DisplayFormats.today(), null, "z".repeat(1000), false);
        assertThat(workshops.create(longest).areaM2()).as("the limits themselves are accepted").isEqualTo(100_000);
    }

    private void assertField(WorkshopSpaceDraft good, UnaryOperator<WorkshopSpaceDraft> change, String field, String key) {
        assertThatThrownBy(() -> workshops.create(change.apply(good)))
                .isInstanceOfSatisfying(WorkshopException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }

    private static WorkshopSpaceDraft label(WorkshopSpaceDraft d, String label) {
        return new WorkshopSpaceDraft(d.establishmentId(), label, d.areaM2(), d.storageM2(), d.loadingDock(), d.currentActivity(),
                d.activityCategory(), d.availability(), d.availableFrom(), d.referentId(), d.notes(), d.publicListing());
    }

    private static WorkshopSpaceDraft area(WorkshopSpaceDraft d, Integer area, Integer storage) {
        return new WorkshopSpaceDraft(d.establishmentId(), d.label(), area, storage, d.loadingDock(), d.currentActivity(),
                d.activityCategory(), d.availability(), d.availableFrom(), d.referentId(), d.notes(), d.publicListing());
    }

    private static WorkshopSpaceDraft availability(WorkshopSpaceDraft d, Availability availability, LocalDate from) {
        return new WorkshopSpaceDraft(d.establishmentId(), d.label(), d.areaM2(), d.storageM2(), d.loadingDock(), d.currentActivity(),
                d.activityCategory(), availability, from, d.referentId(), d.notes(), d.publicListing());
    }

    private static WorkshopSpaceDraft referent(WorkshopSpaceDraft d, long referentId) {
        return new WorkshopSpaceDraft(d.establishmentId(), d.label(), d.areaM2(), d.storageM2(), d.loadingDock(), d.currentActivity(),
                d.activityCategory(), d.availability(), d.availableFrom(), referentId, d.notes(), d.publicListing());
    }

    @Test
    void referentCannotEditASpaceOfAnotherDisp() {
        signIn("admin");
        WorkshopSpaceSummary lyonSpace = workshops.create(draft(lyon(), "Atelier lyonnais " + token()));
        WorkshopSpaceSummary dijonSpace = workshops.create(draft(dijon(), "Atelier dijonnais " + token()));

        signIn("referent");
        assertThat(workshops.canEdit("DISP LYON")).isFalse();
        assertThat(workshops.canEdit("DISP DIJON")).isTrue();
        assertThat(workshops.space(lyonSpace.id())).as("readable").isPresent();
        assertThatThrownBy(() -> workshops.update(lyonSpace.id(), lyonSpace.version(), draft(lyon(), "Repris")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.delete(lyonSpace.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.create(draft(lyon(), "Nouveau " + token()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.update(dijonSpace.id(), dijonSpace.version(), draft(lyon(), "Déplacé")))
                .as("moving a space of their DISP to another DISP").isInstanceOf(AccessDeniedException.class);
        assertThat(workshops.space(lyonSpace.id()).orElseThrow().label()).isEqualTo(lyonSpace.label());

        signIn("communication");
        assertThat(workshops.count(WorkshopSpaceFilter.none())).isPositive();
        assertThat(workshops.canEdit("DISP DIJON")).isFalse();
        assertThatThrownBy(() -> workshops.create(draft(dijon(), "Com " + token()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.delete(dijonSpace.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.pendingInterests(null, Pageable.unpaged())).isInstanceOf(AccessDeniedException.class);

        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> workshops.spaces(WorkshopSpaceFilter.none(), Pageable.unpaged()))
                .as("the staff list needs a sign-in").isInstanceOf(RuntimeException.class);
    }

    @Test
    void theStaffListFiltersByDispRegionActivityAvailabilityAndWords() {
        signIn("admin");
        String word = token();
        WorkshopSpaceSummary dijonSpace = workshops.create(draft(dijon(), "Atelier Éléphant " + word));
        WorkshopSpaceSummary lyonSpace = workshops.create(new WorkshopSpaceDraft(lyon(), "Atelier " + word, 700, null, false,
                "soudure", ActivityCategory.METALWORK, Availability.OCCUPIED, null, null, "interne", false));

        assertThat(ids(new WorkshopSpaceFilter(null, null, null, null, null, "ELEPHANT " + word.toUpperCase())))
                .containsExactly(dijonSpace.id());
        assertThat(ids(new WorkshopSpaceFilter(null, null, null, null, null, word))).containsExactlyInAnyOrder(dijonSpace.id(), lyonSpace.id());
        assertThat(ids(new WorkshopSpaceFilter("DISP LYON", null, null, null, null, word))).containsExactly(lyonSpace.id());
        assertThat(ids(new WorkshopSpaceFilter(null, dijonSpace.regionCode(), null, null, null, word))).containsExactly(dijonSpace.id());
        assertThat(ids(new WorkshopSpaceFilter(null, null, null, ActivityCategory.METALWORK, null, word))).containsExactly(lyonSpace.id());
        assertThat(ids(new WorkshopSpaceFilter(null, null, null, null, Availability.OCCUPIED, word))).containsExactly(lyonSpace.id());
        assertThat(workshops.count(new WorkshopSpaceFilter(null, null, null, null, null, word))).isEqualTo(2);
        assertThat(workshops.spaces(new WorkshopSpaceFilter(null, null, null, null, null, word),
                PageRequest.of(0, 10, org.springframework.data.domain.Sort.by("area").descending())))
                .extracting(WorkshopSpaceSummary::id).containsExactly(lyonSpace.id(), dijonSpace.id());
        assertThatThrownBy(() -> workshops.spaces(WorkshopSpaceFilter.none(), PageRequest.of(0, 10,
                org.springframework.data.domain.Sort.by("notes")))).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Long> ids(WorkshopSpaceFilter filter) {
        return workshops.spaces(filter, PageRequest.of(0, 50)).stream().map(WorkshopSpaceSummary::id).toList();
    }

    @Test
    void thePublicCatalogueShowsOnlyPublicSpacesAndNeverAnAddress() {
        signIn("admin");
        String word = token();
        long referent = userId(jdbc, "referent");
        jdbc.sql("update app_user set email = 'referent.demo@justice.example' where id = :id").param("id", referent).update();
        var listedDraft = new WorkshopSpaceDraft(dijon(), "Atelier public " + word, 450, 80, true, "conditionnement",
                ActivityCategory.PACKAGING, Availability.AVAILABLE_FROM, DisplayFormats.today().plusDays(10), referent,
                "Note interne confidentielle", true);
        WorkshopSpaceSummary listed = workshops.create(listedDraft);
        WorkshopSpaceSummary hidden = workshops.create(withPublic(draft(dijon(), "Atelier caché " + word), false));

        anonymous();
        List<CatalogueEntry> found = workshops.catalogue(new CatalogueFilter(null, null, word), PageRequest.of(0, 20));
        assertThat(found).extracting(CatalogueEntry::spaceId).containsExactly(listed.id());
        assertThat(workshops.countCatalogue(new CatalogueFilter(null, null, word))).isEqualTo(1);
        CatalogueEntry entry = found.getFirst();
        assertThat(entry.referentName()).isEqualTo("Référent démo (Dijon)");
        assertThat(entry.dispCode()).isEqualTo("DISP DIJON");
        assertThat(entry.dispName()).contains("Dijon");
        assertThat(entry.regionName()).isEqualTo("Bourgogne-Franche-Comté");
        assertThat(entry.departmentCode()).isEqualTo("89");
        assertThat(entry.establishmentTypeCode()).isEqualTo("CD");
        assertThat(entry.areaM2()).isEqualTo(450);
        assertThat(entry.storageM2()).isEqualTo(80);
        assertThat(entry.loadingDock()).isTrue();
        assertThat(entry.availability()).isEqualTo(Availability.AVAILABLE_FROM);
        assertThat(Arrays.stream(CatalogueEntry.class.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                .noneMatch(name -> name.contains("mail") || name.contains("phone") || name.contains("note"));
        assertThat(entry.toString()).doesNotContain("@").doesNotContain("confidentielle");
        assertThat(workshops.catalogueEntry(listed.id())).contains(entry);
        assertThat(workshops.catalogueEntry(hidden.id())).isEmpty();
        assertThat(workshops.catalogueRegions()).anySatisfy(region -> {
            assertThat(region.code()).isEqualTo("27");
            assertThat(region.spaces()).isPositive();
        });

        SecurityContextHolder.clearContext();
        assertThat(workshops.catalogue(new CatalogueFilter(null, null, "PUBLIC " + word), Pageable.unpaged()))
                .as("no authentication at all, accents and case ignored").extracting(CatalogueEntry::spaceId).containsExactly(listed.id());

        // Once its date has come, a space is shown as available; a disabled referent's name disappears.
        jdbc.sql("update workshop_space set available_from = current_date - 1 where id = :id").param("id", listed.id()).update();
        jdbc.sql("update app_user set enabled = false where id = :id").param("id", referent).update();
        try {
            CatalogueEntry later = workshops.catalogueEntry(listed.id()).orElseThrow();
            assertThat(later.availability()).isEqualTo(Availability.AVAILABLE);
            assertThat(later.availableFrom()).isNull();
            assertThat(later.referentName()).isNull();
        } finally {
            jdbc.sql("update app_user set enabled = true, email = null where id = :id").param("id", referent).update();
        }
    }

    @Test
    void theCatalogueFiltersByRegionAndActivity() {
        signIn("admin");
        String word = token();
        WorkshopSpaceSummary dijonSpace = workshops.create(draft(dijon(), "Atelier " + word));
        WorkshopSpaceSummary lyonSpace = workshops.create(new WorkshopSpaceDraft(lyon(), "Atelier " + word, 700, null, false,
                "soudure", ActivityCategory.METALWORK, Availability.OCCUPIED, null, null, null, true));
        anonymous();

        assertThat(catalogueIds(new CatalogueFilter(dijonSpace.regionCode(), null, word))).containsExactly(dijonSpace.id());
        assertThat(catalogueIds(new CatalogueFilter(null, ActivityCategory.METALWORK, word))).containsExactly(lyonSpace.id());
        assertThat(catalogueIds(new CatalogueFilter(lyonSpace.regionCode(), ActivityCategory.PACKAGING, word))).isEmpty();
        assertThat(catalogueIds(new CatalogueFilter(null, null, "soudure " + word))).isEmpty();
        assertThat(new CatalogueFilter(null, null, "x".repeat(500)).text()).hasSize(CatalogueFilter.MAX_TEXT);
    }

    private List<Long> catalogueIds(CatalogueFilter filter) {
        return workshops.catalogue(filter, PageRequest.of(0, 50)).stream().map(CatalogueEntry::spaceId).toList();
    }

    @Test
    void aVisitorRegistersAnInterestWithNormalisedValuesAndTheEventIsPublished() {
        signIn("admin");
        WorkshopSpaceSummary space = workshops.create(draft(dijon(), "Atelier " + token()));
        anonymous();

        long id = workshops.registerInterest(new InterestDraft(space.id(), "  Menuiserie Durand <b>SA</b> ", "130 005 481 21800",
                " Paul Durand ", " paul@durand.fr ", "03 80 12 34 56", "<script>alert(1)</script>"));

        assertThat(events.stream(WorkshopInterestRegistered.class)).singleElement().satisfies(event -> {
            assertThat(event.interestId()).isEqualTo(id);
            assertThat(event.spaceId()).isEqualTo(space.id());
            assertThat(event.dispCode()).isEqualTo("DISP DIJON");
            assertThat(event.companyName()).isEqualTo("Menuiserie Durand <b>SA</b>");
            assertThat(event.establishmentName()).isEqualTo(space.establishmentName());
        });
        signIn("referent");
        WorkshopInterestSummary saved = workshops.interest(id).orElseThrow();
        assertThat(saved.siret()).isEqualTo("13000548121800");
        assertThat(saved.phone()).isEqualTo("+33380123456");
        assertThat(saved.email()).isEqualTo("paul@durand.fr");
        assertThat(saved.contactName()).isEqualTo("Paul Durand");
        assertThat(saved.message()).as("kept as typed, shown as text").isEqualTo("<script>alert(1)</script>");
        assertThat(saved.status()).isEqualTo(InterestStatus.PENDING);
    }

    @Test
    void aRequestIsCheckedFieldByFieldAndItsLengthsLimited() {
        signIn("admin");
        long spaceId = workshops.create(draft(dijon(), "Atelier " + token())).id();
        long hiddenId = workshops.create(withPublic(draft(dijon(), "Atelier caché " + token()), false)).id();
        anonymous();

        assertInterest(interest(hiddenId, "ACME"), "spaceId", "workshop.error.space-not-listed");
        assertInterest(interest(-5, "ACME"), "spaceId", "workshop.error.space-not-listed");
        assertInterest(interest(spaceId, "  "), "companyName", "workshop.error.company-name-required");
        assertInterest(interest(spaceId, "x".repeat(201)), "companyName", "workshop.error.company-name-too-long");
        assertInterest(new InterestDraft(spaceId, "ACME", "123456789", "Claire", "c@acme.fr", null, null), "siret", "workshop.error.siret-invalid");
        assertInterest(new InterestDraft(spaceId, "ACME", "13000548121801", "Claire", "c@acme.fr", null, null), "siret", "workshop.error.siret-invalid");
        assertInterest(new InterestDraft(spaceId, "ACME", null, " ", "c@acme.fr", null, null), "contactName", "workshop.error.contact-name-required");
        assertInterest(new InterestDraft(spaceId, "ACME", null, "x".repeat(121), "c@acme.fr", null, null), "contactName",
                "workshop.error.contact-name-too-long");
        assertInterest(new InterestDraft(spaceId, "ACME", null, "Claire", "", null, null), "email", "workshop.error.email-required");
        assertInterest(new InterestDraft(spaceId, "ACME", null, "Claire", "claire@acme", null, null), "email", "workshop.error.email-format");
        assertInterest(new InterestDraft(spaceId, "ACME", null, "Claire", "x".repeat(250) + "@a.fr", null, null), "email",
                "workshop.error.email-too-long");
        assertInterest(new InterestDraft(spaceId, "ACME", null, "Claire", "c@acme.fr", "12", null), "phone", "workshop.error.phone-format");
        assertInterest(new InterestDraft(spaceId, "ACME", null, "Claire", "c@acme.fr", "0".repeat(31), null), "phone", "workshop.error.phone-format");
        assertInterest(new InterestDraft(spaceId, "ACME", null, "Claire", "c@acme.fr", null, "x".repeat(2001)), "message",
                "workshop.error.message-too-long");
        assertThat(events.stream(WorkshopInterestRegistered.class)).isEmpty();

        long accepted = workshops.registerInterest(new InterestDraft(spaceId, "x".repeat(200), null, "y".repeat(120), "c@acme.fr",
                null, "z".repeat(2000)));
        assertThat(accepted).isPositive();
    }

    private void assertInterest(InterestDraft draft, String field, String key) {
        assertThatThrownBy(() -> workshops.registerInterest(draft))
                .isInstanceOfSatisfying(WorkshopException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }

    @Test
    void pendingInterestsLandInTheQueueOfTheSpacesDisp() {
        signIn("admin");
        long dijonSpace = workshops.create(draft(dijon(), "Atelier " + token())).id();
        long lyonSpace = workshops.create(draft(lyon(), "Atelier " + token())).id();
        anonymous();
        long dijonRequest = workshops.registerInterest(interest(dijonSpace, "Bois de Bourgogne " + token()));
        long lyonRequest = workshops.registerInterest(interest(lyonSpace, "Métaux du Rhône " + token()));

        signIn("referent");
        List<WorkshopInterestSummary> queue = workshops.pendingInterests(null, Pageable.unpaged());
        assertThat(queue).extracting(WorkshopInterestSummary::id).contains(dijonRequest).doesNotContain(lyonRequest);
        assertThat(queue).extracting(WorkshopInterestSummary::dispCode).containsOnly("DISP DIJON");
        assertThat(queue).extracting(WorkshopInterestSummary::createdAt).isSorted();
        assertThat(workshops.countPendingInterests(null)).isEqualTo(queue.size());
        assertThat(workshops.pendingInterests("DISP DIJON", Pageable.unpaged())).isEqualTo(queue);
        assertThatThrownBy(() -> workshops.pendingInterests("DISP LYON", Pageable.unpaged())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.interest(lyonRequest)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.markHandled(lyonRequest)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.dismiss(lyonRequest)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workshops.delete(dijonSpace)).as("a company waits for an answer")
                .isInstanceOf(WorkshopException.class).hasMessage("workshop.error.space-has-pending-interests");

        WorkshopInterestSummary handled = workshops.markHandled(dijonRequest);
        assertThat(handled.status()).isEqualTo(InterestStatus.HANDLED);
        assertThat(handled.handledByName()).isEqualTo("Référent démo (Dijon)");
        assertThat(handled.handledAt()).isNotNull();
        assertThat(workshops.countPendingInterests(null)).isEqualTo(queue.size() - 1);
        assertThatThrownBy(() -> workshops.dismiss(dijonRequest)).isInstanceOf(WorkshopException.class)
                .hasMessage("workshop.error.interest-closed");

        signIn("admin");
        assertThat(workshops.pendingInterests(null, Pageable.unpaged())).extracting(WorkshopInterestSummary::id).contains(lyonRequest)
                .doesNotContain(dijonRequest);
        assertThat(workshops.pendingInterests("DISP LYON", Pageable.unpaged())).extracting(WorkshopInterestSummary::dispCode)
                .containsOnly("DISP LYON");
        assertThat(workshops.dismiss(lyonRequest).status()).isEqualTo(InterestStatus.DISMISSED);
        workshops.delete(lyonSpace);
        assertThat(jdbc.sql("select count(*) from workshop_interest where id = :id").param("id", lyonRequest).query(Long.class).single())
                .as("closed requests go with their space").isZero();
    }

    @Test
    void theDatabaseRefusesWhatTheServiceRefuses() {
        long referent = userId(jdbc, "referent");
        long admin = userId(jdbc, "admin");
        assertThatThrownBy(() -> insertSpace(lyon(), referent, "AVAILABLE", null)).as("referent of another DISP")
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("workshop_space_referent_of_disp");
        assertThatThrownBy(() -> insertSpace(dijon(), admin, "AVAILABLE", null)).as("not a referent")
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertSpace(dijon(), null, "AVAILABLE_FROM", null))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("workshop_space_available_from");
        long id = insertSpace(dijon(), referent, "AVAILABLE", null);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into workshop_interest (space_id, company_name, contact_name, email, siret)
                values (:space, 'ACME', 'Claire', 'c@acme.fr', '123')""").param("space", id).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("workshop_interest_siret");
        jdbc.sql("insert into workshop_interest (space_id, company_name, contact_name, email) values (:space, 'ACME', 'Claire', 'c@acme.fr')")
                .param("space", id).update();
        assertThat(jdbc.sql("select disp_code from workshop_interest where space_id = :space").param("space", id).query(String.class)
                .single()).as("derived from the space's establishment").isEqualTo("DISP DIJON");
        assertThatThrownBy(() -> jdbc.sql("update workshop_interest set status = 'HANDLED' where space_id = :space").param("space", id).update())
                .as("handled without a date").isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("delete from workshop_space where id = :id").param("id", id).update();
    }

    private long insertSpace(long establishment, Long referent, String availability, LocalDate from) {
        return jdbc.sql("""
                insert into workshop_space (establishment_id, label, area_m2, activity_category, availability, available_from, referent_id)
                values (:e, 'Atelier SQL', 100, 'OTHER', :availability, :from, :referent) returning id""")
                .param("e", establishment).param("availability", availability).param("from", from)
                .param("referent", referent).query(Long.class).single();
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbcForCap;

    @Test
    void aPublicCallerNeverGetsMoreThanOnePageOfTheCatalogue() {
        SecurityContextHolder.clearContext();
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            // More listed spaces than one page holds, rolled back afterwards.
            jdbcForCap.sql("""
                    insert into workshop_space (establishment_id, label, area_m2, activity_category, availability, public_listing)
                    select s.establishment_id, 'Atelier ' || n, 100, 'ASSEMBLY', 'AVAILABLE', true
                    from (select establishment_id from workshop_space where public_listing order by id limit 1) s,
                         generate_series(1, :n) n
                    """).param("n", WorkshopService.MAX_PUBLIC_PAGE + 5).update();
            assertThat(workshops.countCatalogue(CatalogueFilter.none())).isGreaterThan(WorkshopService.MAX_PUBLIC_PAGE);
            assertThat(workshops.catalogue(CatalogueFilter.none(), PageRequest.of(0, 10_000))).hasSize(WorkshopService.MAX_PUBLIC_PAGE);
            assertThat(workshops.catalogue(CatalogueFilter.none(), Pageable.unpaged())).hasSize(WorkshopService.MAX_PUBLIC_PAGE);
            status.setRollbackOnly();
        });
    }

}

package fr.passerelle.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.partner.companypage.CompanyTimelineSource;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.SignedInUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A company's own offers through its portal service: only its own, every change recorded and audited as its contact's. */
class CompanyOfferServiceTest extends IntegrationTest {

    @Autowired
    CompanyOfferService space;
    @Autowired
    OfferService offers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    OfferOperations operations;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(jdbc, users);
    }

    @Test
    void aCompanyUserSeesItsOffersWithTheirStatesAndTheLastDayOfTheOpenOnes() {
        var a = account("Maçonnerie Auxerroise");
        long open = openOffer(a.company(), "Maçon", LocalDate.now().plusMonths(6));
        long closed = openOffer(a.company(), "Coffreur", null);
        fixtures.as("admin", () -> offers.transition(closed, OfferStatus.CLOSED, null, null));
        long pending = pendingOffer(a.company(), "Carreleur");
        fixtures.as("admin", () -> offers.transition(pending, OfferStatus.REJECTED, RejectionReason.OTHER, "Poste déjà publié"));
        var b = account("Autre Maçonnerie");
        openOffer(b.company(), "Grutier", null);

        signIn(a);
        List<CompanyOffer> mine = space.offers();

        assertThat(mine).extracting(CompanyOffer::title).containsExactly("Carreleur", "Coffreur", "Maçon");
        assertThat(mine.get(0).status()).isEqualTo(OfferStatus.REJECTED);
        assertThat(mine.get(0).rejectionReason()).isEqualTo(RejectionReason.OTHER);
        assertThat(mine.get(0).rejectionText()).isEqualTo("Poste déjà publié");
        assertThat(mine.get(1).lastOpenDay()).as("only an open offer has one").isNull();
        assertThat(mine.get(2).lastOpenDay()).as("90 days after the company's last update, before the end date")
                .isEqualTo(LocalDate.ofInstant(lastCompanyUpdate(open).plus(90, ChronoUnit.DAYS), DisplayFormats.PARIS));
        assertThat(mine.get(2).place()).isEqualTo("Dijon, Côte-d'Or (21)");
        assertThat(space.require(open).romeLabel()).isNotBlank();
    }

    @Test
    void aCompanyUserCannotReadNorChangeAnotherCompanysOfferWhichAnswersAsIfItDidNotExist() {
        var a = account("Couverture Dijonnaise");
        var b = account("Couverture Beaunoise");
        long theirs = openOffer(b.company(), "Couvreur", null);
        int changesBefore = statusChanges(theirs).size();
        long version = version(theirs);
        long missing = jdbc.sql("select coalesce(max(id), 0) + 1000 from offer").query(Long.class).single();

        signIn(a);
        assertThat(space.find(theirs)).isEmpty();
        for (long id : new long[] {theirs, missing}) {
            List<LongConsumer> attempts = List.of(space::require, space::extend, space::close, space::markFilled,
                    offerId -> space.changePositions(offerId, version, 5));
            for (LongConsumer attempt : attempts) {
                assertThatThrownBy(() -> attempt.accept(id))
                        .isInstanceOfSatisfying(OfferException.class, e -> {
                            assertThat(e.messageKey()).isEqualTo("offer.error.not-found");
                            assertThat(e.field()).isNull();
                        });
            }
        }

        SecurityContextHolder.clearContext();
        OfferDetails after = fixtures.as("admin", () -> offers.require(theirs));
        assertThat(after.status()).isEqualTo(OfferStatus.OPEN);
        assertThat(after.positions()).isEqualTo(2);
        assertThat(after.version()).isEqualTo(version);
        assertThat(statusChanges(theirs)).hasSize(changesBefore);
    }

    @Autowired
    List<CompanyTimelineSource> timelines;

    @Test
    void extendingClosingFillingAndChangingPositionsAreRecordedAndAuditedAsTheContact() {
        var a = account("Menuiserie Nuitonne");
        Instant longAgo = Instant.now().minus(80, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        long toExtend = openOffer(a.company(), "Menuisier", DisplayFormats.today().plusDays(3));
        jdbc.sql("update offer set last_company_update_at = :at where id = :id").param("at", longAgo.atOffset(ZoneOffset.UTC))
                .param("id", toExtend).update();
        long toClose = openOffer(a.company(), "Ébéniste", null);
        long toFill = openOffer(a.company(), "Poseur", null);
        String actor = "contact:" + a.contact();

        signIn(a);
        CompanyOffer extended = space.extend(toExtend);
        assertThat(extended.endDate()).isEqualTo(DisplayFormats.today().plusDays(90));
        assertThat(extended.lastOpenDay()).isEqualTo(DisplayFormats.today().plusDays(90));
        assertThat(lastCompanyUpdate(toExtend)).isAfter(longAgo.plus(79, ChronoUnit.DAYS));

        CompanyOffer changed = space.changePositions(toExtend, extended.version(), 7);
        assertThat(changed.positions()).isEqualTo(7);
        assertThat(space.close(toClose).status()).isEqualTo(OfferStatus.CLOSED);
        assertThat(space.markFilled(toFill).status()).isEqualTo(OfferStatus.FILLED);

        assertThat(statusChanges(toClose).getFirst()).isEqualTo("OPEN CLOSED " + actor);
        assertThat(statusChanges(toFill).getFirst()).isEqualTo("OPEN FILLED " + actor);
        assertThat(auditTrail(toExtend)).as("created, extended, positions changed").containsExactly(
                "0 admin 2", "1 " + a.email() + " 2", "1 " + a.email() + " 7");
        assertThat(auditTrail(toClose)).last().isEqualTo("1 " + a.email() + " 2 CLOSED");
        assertThat(lastCompanyUpdate(toFill)).as("an update from the company").isAfter(Instant.now().minusSeconds(60));
        assertThat(fixtures.as("admin", () -> timelines.stream().flatMap(source -> source.timeline(a.company()).stream())
                .filter(event -> event.icon().equals("vaadin:briefcase")).map(CompanyTimelineSource.Event::author).toList()))
                .as("the company's timeline names the contact, not their id").contains("Camille Martin").doesNotContain(actor);
    }

    @Test
    void positionsOutOfRangeAndChangesOfAnOfferThatIsNotOpenAreRefused() {
        var a = account("Plâtrerie Chalonnaise");
        long open = openOffer(a.company(), "Plâtrier", null);
        long pending = pendingOffer(a.company(), "Peintre");

        signIn(a);
        long version = space.require(open).version();
        for (Integer positions : new Integer[] {0, 1000, null}) {
            assertThatThrownBy(() -> space.changePositions(open, version, positions))
                    .isInstanceOfSatisfying(OfferException.class, e -> {
                        assertThat(e.field()).isEqualTo("positions");
                        assertThat(e.messageKey()).isEqualTo("offer.error.positions-range");
                    });
        }
        assertThat(space.require(open).positions()).isEqualTo(2);
        assertThatThrownBy(() -> space.changePositions(pending, space.require(pending).version(), 3))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("portal.space.offers.error.not-open"));
        assertThatThrownBy(() -> space.close(pending))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("offer.error.transition"));
        assertThatThrownBy(() -> space.extend(pending))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.messageKey()).isEqualTo("offer.expiry.error.not-open"));
    }

    @Test
    void anAddedOfferWaitsForValidationFromThePortalForTheOwnCompanyFollowedByTheContact() {
        var a = account("Électricité Montbardoise");
        jdbc.sql("update app_user set email = 'referent.dijon@passerelle.test' where username = 'referent'").update();
        signIn(a);
        LocalDate start = DisplayFormats.today().plusDays(10);

        CompanyOffer added = space.add(new CompanyOfferDraft(OfferType.POST_RELEASE_JOB, "h2913", " Soudeur ", null, 3,
                ContractType.CDD, BigDecimal.valueOf(35), "Montbard", "21", Set.of(), start, null));

        assertThat(added.status()).isEqualTo(OfferStatus.PENDING_VALIDATION);
        assertThat(added.title()).isEqualTo("Soudeur");
        assertThat(space.offers()).extracting(CompanyOffer::id).containsExactly(added.id());
        SecurityContextHolder.clearContext();
        OfferDetails details = fixtures.as("admin", () -> offers.require(added.id()));
        assertThat(details.companyId()).isEqualTo(a.company());
        assertThat(details.contactId()).isEqualTo(a.contact());
        assertThat(details.source()).isEqualTo(OfferSource.PORTAL);
        assertThat(details.dispCode()).isEqualTo("DISP DIJON");
        assertThat(details.lastCompanyUpdateAt()).isAfter(Instant.now().minusSeconds(60));
        assertThat(statusChanges(added.id())).containsExactly("null PENDING_VALIDATION contact:" + a.contact());
        assertThat(jdbc.sql("select count(*) from mail_outbox where dedup_key like :key").param("key", "offer-declared:" + added.id() + ":%")
                .query(Long.class).single()).as("the DISP's referents are told, as for a declaration").isPositive();

        signIn(a);
        assertThatThrownBy(() -> space.add(new CompanyOfferDraft(OfferType.POST_RELEASE_JOB, "H2913", "Soudeur", null, 3,
                ContractType.CDD, BigDecimal.valueOf(49), "Montbard", "21", Set.of(), start, null)))
                .isInstanceOfSatisfying(OfferException.class, e -> assertThat(e.field()).isEqualTo("hoursPerWeek"));
    }

    @Test
    void staffCannotUseTheCompanyService() {
        for (String staff : new String[] {"admin", "referent", "communication"}) {
            assertThatThrownBy(() -> fixtures.as(staff, space::offers)).as(staff).isInstanceOf(AccessDeniedException.class);
        }
    }

    /** A company in Côte-d'Or with a contact and that contact's portal account. */
    private Account account(String name) {
        long company = fixtures.company(name, "21");
        long contact = fixtures.contact(company, "Martin");
        String email = "contact." + System.nanoTime() + "@entreprise-test.fr";
        long id = jdbc.sql("insert into company_account (email, company_id, contact_id) values (:email, :company, :contact) returning id")
                .param("email", email).param("company", company).param("contact", contact).query(Long.class).single();
        return new Account(id, company, contact, email);
    }

    private record Account(long id, long company, long contact, String email) {
    }

    /** Signs the account in as the portal's sign-in by link does: role COMPANY, its company in the principal. */
    private static void signIn(Account account) {
        var user = new SignedInUser(account.id(), account.email(), account.email(), Role.COMPANY, null, account.company());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new CompanyPrincipal(user), null,
                AuthorityUtils.createAuthorityList(Role.COMPANY.authority())));
        SecurityContextHolder.setContext(context);
    }

    private record CompanyPrincipal(SignedInUser signedInUser) implements SignedInUser.Source, AuthenticatedPrincipal {
        @Override
        public String getName() {
            return signedInUser.username();
        }
    }

    private long openOffer(long company, String title, LocalDate end) {
        OfferDraft draft = OfferFixtures.job(company, title, "21", null);
        var withEnd = new OfferDraft(draft.companyId(), draft.type(), draft.romeCode(), draft.title(), draft.description(),
                draft.positions(), draft.contractType(), draft.hoursPerWeek(), draft.commune(), draft.departmentCode(),
                draft.establishmentIds(), draft.startDate(), end, draft.contactId());
        return fixtures.as("admin", () -> offers.create(withEnd)).id();
    }

    private long pendingOffer(long company, String title) {
        return fixtures.as("admin", () -> operations.create(OfferActor.company(company, "test"), OfferFixtures.job(company, title, "21", null),
                OfferSource.PORTAL, OfferStatus.PENDING_VALIDATION));
    }

    private long version(long id) {
        return jdbc.sql("select version from offer where id = :id").param("id", id).query(Long.class).single();
    }

    private Instant lastCompanyUpdate(long id) {
        return jdbc.sql("select last_company_update_at from offer where id = :id").param("id", id)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).single();
    }

    private List<String> statusChanges(long id) {
        return jdbc.sql("select coalesce(from_status, 'null') || ' ' || to_status || ' ' || changed_by from offer_status_change "
                        + "where offer_id = :id order by changed_at desc, id desc").param("id", id).query(String.class).list();
    }

    private List<String> auditTrail(long id) {
        return jdbc.sql("""
                        select a.revtype || ' ' || r.username || ' ' || a.positions || case when a.status = 'OPEN' then '' else ' ' || a.status end
                        from offer_aud a join audit_revision r on r.id = a.rev where a.id = :id order by a.rev""")
                .param("id", id).query(String.class).list();
    }
}

package fr.passerelle.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import fr.passerelle.offer.OfferDraft;
import fr.passerelle.offer.OfferType;
import fr.passerelle.portal.DeclarationFixtures;
import fr.passerelle.portal.PortalFixtures;
import fr.passerelle.reference.EstablishmentFilter;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.ReferenceService;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Declarations on the real database, called as the anonymous portal calls them. */
class DeclarationsTest extends IntegrationTest {

    @Autowired
    Declarations declarations;
    @Autowired
    ReferenceService reference;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTwentyFirstDeclarationFromOneClientAddressInADayIsRefusedForTheWholeForm() {
        String address = DeclarationFixtures.uniqueClientAddress();
        for (int i = 0; i < 20; i++) {
            declarations.submit(DeclarationFixtures.validRequest(PortalFixtures.uniqueEmail()), address, Locale.FRANCE);
        }
        String email = PortalFixtures.uniqueEmail();

        assertThatThrownBy(() -> declarations.submit(DeclarationFixtures.validRequest(email), address, Locale.FRANCE))
                .isInstanceOfSatisfying(DeclarationRefused.class, refused -> assertThat(refused.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "portal.declare.error.too-many-from-address")));
        assertThat(jdbc.sql("select count(*) from portal_declaration where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aWorkshopDeclarationTargetsEstablishmentsAndBecomesAPendingOfferThere() {
        Set<Long> dijon = reference.establishments(EstablishmentFilter.ofDisp("DISP DIJON"), PageRequest.of(0, 2)).stream()
                .map(EstablishmentSummary::id).collect(Collectors.toSet());
        OfferDraft base = DeclarationFixtures.offer();
        var workshop = new OfferDraft(0, OfferType.WORKSHOP_JOBS, base.romeCode(), "Atelier de conditionnement", null, 8,
                base.contractType(), null, null, null, dijon, base.startDate(), null, null);
        var request = DeclarationFixtures.validRequest(PortalFixtures.uniqueEmail());
        declarations.submit(new DeclarationRequest(request.siret(), request.legalName(), null, null, null, "42.21Z", "12",
                null, "Martin", null, request.email(), null, workshop, true, "salon-2026"), DeclarationFixtures.uniqueClientAddress(),
                Locale.FRANCE);
        String token = DeclarationFixtures.tokenIn(jdbc.sql("select body_text from mail_outbox where :email = any(recipients)")
                .param("email", request.email()).query(String.class).single());

        assertThat(declarations.state(token)).isEqualTo(DeclarationLink.PENDING);
        assertThat(declarations.confirm(token)).isEqualTo(DeclarationLink.JUST_CONFIRMED);
        assertThat(declarations.confirm(token)).isEqualTo(DeclarationLink.ALREADY_CONFIRMED);

        long offerId = jdbc.sql("select offer_id from portal_declaration where email = :email").param("email", request.email())
                .query(Long.class).single();
        assertThat(jdbc.sql("select establishment_id from offer_establishment where offer_id = :id").param("id", offerId)
                .query(Long.class).list()).containsExactlyInAnyOrderElementsOf(dijon);
        assertThat(jdbc.sql("select status || ' ' || disp_code from offer where id = :id").param("id", offerId)
                .query(String.class).single()).isEqualTo("PENDING_VALIDATION DISP DIJON");
        assertThat(jdbc.sql("select campaign_ref || ' ' || naf_code || ' ' || workforce_bracket from offer_declaration where offer_id = :id")
                .param("id", offerId).query(String.class).single()).isEqualTo("salon-2026 42.21Z 12");
    }

    @Test
    void everyProblemOfTheCompanyAndContactIsReportedAtOnce() {
        var request = new DeclarationRequest("123", "", null, "2100", null, "4221", "99", null, "", null, "pas-une-adresse", "12",
                DeclarationFixtures.offer(), false, "<script>");

        assertThat(declarations.check(request)).extracting(FieldProblem::field).containsExactly("siret", "legalName", "postcode",
                "nafCode", "workforceBracket", "lastName", "email", "phone", "consent");
    }

    @Test
    void aMalformedTokenIsUnknownWithoutALookUp() {
        assertThat(declarations.state("")).isEqualTo(DeclarationLink.UNKNOWN);
        assertThat(declarations.confirm("x".repeat(65))).isEqualTo(DeclarationLink.UNKNOWN);
        assertThat(List.of(declarations.state("n’importe quoi"))).containsExactly(DeclarationLink.UNKNOWN);
    }
}

package fr.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Organisations that are not companies (decision record 015): kinds, optional SIRETs, the Type filter, the directory. */
class OrganisationServiceTest extends IntegrationTest {

    private static final Random RANDOM = new Random();

    @Autowired
    CompanyService companies;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    CompanyMergeService merges;
    @Autowired
    CompanyHistoryService history;
    @Autowired
    JdbcClient jdbc;

    static CompanyDraft organisation(PartnerKind kind, String siret, String name, String department) {
        return new CompanyDraft(siret, name, null, null, null, null, null, null, department, null, Set.of(), null, kind);
    }

    /** A word no other test's partner has, so that searches find only this test's rows. */
    private static String word() {
        return "Orgz" + Integer.toString(RANDOM.nextInt(1 << 30), 36);
    }

    @Test
    void aRowWrittenWithoutAKindIsACompanyAndACompanyNeedsItsSiretInTheDatabase() {
        String siret = SiretGenerator.random(RANDOM);
        jdbc.sql("insert into company (siret, legal_name, department_code) values (:siret, 'Sans type', '21')").param("siret", siret).update();
        assertThat(jdbc.sql("select kind from company where siret = :siret").param("siret", siret).query(String.class).single())
                .isEqualTo("COMPANY");
        jdbc.sql("delete from company where siret = :siret").param("siret", siret).update();

        assertThatThrownBy(() -> jdbc.sql("insert into company (legal_name, department_code) values ('Sans SIRET', '21')").update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("company_siret_required_for_companies");
        assertThatThrownBy(() -> jdbc.sql("insert into company (legal_name, department_code, kind) values ('Inconnu', '21', 'CLUB')").update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("company_kind");
        String name = word();
        jdbc.sql("insert into company (legal_name, department_code, kind) values (:a, '21', 'SPIP'), (:b, '21', 'SPIP')")
                .param("a", name + " A").param("b", name + " B").update();
        assertThat(jdbc.sql("select count(*) from company where legal_name like :name and siret is null and kind = 'SPIP'")
                .param("name", name + "%").query(Long.class).single()).as("several organisations without SIRET").isEqualTo(2);
        jdbc.sql("delete from company where legal_name like :name").param("name", name + "%").update();
    }

    @Test
    @WithUserDetails("referent")
    void aFederationIsCreatedWithoutSiretButACompanyIsNot() {
        String name = "Fédération " + word();
        CompanyDetails federation = companies.create(organisation(PartnerKind.FEDERATION, " ", name, "21"), CompanySource.MANUAL);

        assertThat(federation.kind()).isEqualTo(PartnerKind.FEDERATION);
        assertThat(federation.siret()).isNull();
        assertThat(federation.siren()).isNull();
        assertThat(federation.regionName()).as("derived from the department").isEqualTo("Bourgogne-Franche-Comté");
        assertThat(federation.dispCode()).isEqualTo("DISP DIJON");
        assertThat(companies.require(federation.id()).toDraft().kind()).isEqualTo(PartnerKind.FEDERATION);

        assertThatThrownBy(() -> companies.create(organisation(PartnerKind.COMPANY, "", "Entreprise " + word(), "21"), CompanySource.MANUAL))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.field()).isEqualTo("siret");
                    assertThat(e.messageKey()).isEqualTo("partner.error.siret-required");
                });
        CompanyDetails company = companies.create(CompanyServiceTest.draft(SiretGenerator.random(RANDOM), "Entreprise " + word(), "21"),
                CompanySource.MANUAL);
        assertThat(company.kind()).as("a draft without a kind is a company").isEqualTo(PartnerKind.COMPANY);

        // Turning the federation into a company needs a SIRET; turning the company into an association keeps its own.
        assertThatThrownBy(() -> companies.update(federation.id(), federation.version(), federation.toDraft().withKind(PartnerKind.COMPANY)))
                .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.messageKey()).isEqualTo("partner.error.siret-required"));
        CompanyDetails association = companies.update(company.id(), company.version(), company.toDraft().withKind(PartnerKind.ASSOCIATION));
        assertThat(association.kind()).isEqualTo(PartnerKind.ASSOCIATION);
        assertThat(association.siret()).isEqualTo(company.siret());
    }

    @Test
    @WithUserDetails("referent")
    void aSiretGivenToAnOrganisationIsStillCheckedAndUnique() {
        assertThatThrownBy(() -> companies.create(organisation(PartnerKind.TRAINING_BODY, "13000548121801", "CFA " + word(), "21"),
                CompanySource.MANUAL))
                .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.messageKey()).isEqualTo("partner.error.siret-checksum"));
        String siret = SiretGenerator.random(RANDOM);
        CompanyDetails cfa = companies.create(organisation(PartnerKind.TRAINING_BODY, siret, "CFA " + word(), "21"), CompanySource.MANUAL);
        assertThat(cfa.siret()).isEqualTo(siret);
        assertThat(companies.findBySiret(siret)).map(CompanyDetails::id).contains(cfa.id());

        assertThatThrownBy(() -> companies.create(organisation(PartnerKind.FUNDER, siret, "Financeur " + word(), "21"), CompanySource.MANUAL))
                .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.messageKey()).isEqualTo("partner.error.siret-taken"));
        assertThatThrownBy(() -> jdbc.sql("insert into company (siret, legal_name, department_code, kind) values (:siret, 'Doublon', '21', 'FUNDER')")
                .param("siret", siret).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("company_siret_key");
        assertThat(companies.findDuplicates(SiretGenerator.sameSiren(siret, RANDOM), "Autre", "21", null))
                .as("the same SIREN is still a likely duplicate").anySatisfy(d -> assertThat(d.id()).isEqualTo(cfa.id()));
    }

    @Test
    @WithUserDetails("admin")
    void theListAndTheDirectoryFilterByKindNameAndDisp() {
        String word = word();
        long federation = companies.create(organisation(PartnerKind.FEDERATION, "", "Fédération " + word + " des Travaux Publics", "21"),
                CompanySource.MANUAL).id();
        long funder = companies.create(organisation(PartnerKind.FUNDER, "", "Région " + word, "21"), CompanySource.MANUAL).id();
        long spip = companies.create(organisation(PartnerKind.SPIP, "", "SPIP " + word, "75"), CompanySource.MANUAL).id();
        long company = companies.create(CompanyServiceTest.draft(SiretGenerator.random(RANDOM), "Travaux " + word, "21"),
                CompanySource.MANUAL).id();
        var page = PageRequest.of(0, 20);

        CompanyFilter search = CompanyFilter.none().withSearch(word);
        assertThat(companies.search(search, page)).extracting(CompanySummary::id).containsExactlyInAnyOrder(federation, funder, spip, company);
        assertThat(companies.search(search.withKinds(Set.of(PartnerKind.FEDERATION, PartnerKind.FUNDER)), page))
                .extracting(CompanySummary::id).containsExactlyInAnyOrder(federation, funder);
        assertThat(companies.count(search.withKinds(PartnerKind.ORGANISATIONS))).isEqualTo(3);
        assertThat(companies.search(search.withKinds(Set.of(PartnerKind.COMPANY)), page)).extracting(CompanySummary::kind)
                .containsExactly(PartnerKind.COMPANY);

        List<OrganisationOption> found = directory.search(Set.of(PartnerKind.FEDERATION, PartnerKind.FUNDER), word, null, page);
        assertThat(found).extracting(OrganisationOption::id).containsExactly(federation, funder);
        assertThat(found.getFirst()).satisfies(o -> {
            assertThat(o.name()).isEqualTo("Fédération " + word + " des Travaux Publics");
            assertThat(o.kind()).isEqualTo(PartnerKind.FEDERATION);
            assertThat(o.dispCode()).isEqualTo("DISP DIJON");
            assertThat(o.regionCode()).isEqualTo("27");
            assertThat(o.regionName()).isEqualTo("Bourgogne-Franche-Comté");
        });
        assertThat(directory.search(PartnerKind.ORGANISATIONS, word, "DISP DIJON", page)).extracting(OrganisationOption::id)
                .containsExactly(federation, funder);
        assertThat(directory.count(PartnerKind.ORGANISATIONS, word, "DISP PARIS")).isEqualTo(1);
        assertThat(directory.search(Set.of(PartnerKind.FEDERATION), word + " travaux", null, page)).extracting(OrganisationOption::id)
                .as("every word typed narrows").containsExactly(federation);
        assertThat(directory.search(Set.of(), word, null, PageRequest.of(0, 1000))).as("no kind: every kind").hasSize(4);
        assertThat(directory.find(spip)).hasValueSatisfying(o -> {
            assertThat(o.name()).isEqualTo("SPIP " + word);
            assertThat(o.kind()).isEqualTo(PartnerKind.SPIP);
            assertThat(o.regionName()).isEqualTo("Île-de-France");
        });
        assertThat(directory.find(-1)).isEmpty();
    }

    @Test
    @WithUserDetails("referent")
    void aReferentCreatesOrganisationsOnlyInTheirDispButReadsTheOthers() {
        assertThatThrownBy(() -> companies.create(organisation(PartnerKind.SPIP, "", "SPIP " + word(), "75"), CompanySource.MANUAL))
                .isInstanceOf(AccessDeniedException.class);
        String word = word();
        jdbc.sql("insert into company (legal_name, department_code, kind) values (:name, '75', 'EMPLOYMENT_SERVICE')")
                .param("name", "France Travail " + word).update();
        List<OrganisationOption> found = directory.search(Set.of(PartnerKind.EMPLOYMENT_SERVICE), word, null, PageRequest.of(0, 10));
        assertThat(found).singleElement().satisfies(o -> assertThat(o.dispCode()).isEqualTo("DISP PARIS"));
        assertThat(companies.require(found.getFirst().id()).editable()).isFalse();
    }

    @Test
    @WithUserDetails("communication")
    void communicationReadsTheDirectoryButCreatesNoOrganisation() {
        assertThat(directory.count(PartnerKind.ORGANISATIONS, "", null)).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> companies.create(organisation(PartnerKind.ASSOCIATION, "", "Association " + word(), "21"),
                CompanySource.MANUAL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("referent")
    void mergingTwoOrganisationsWithoutSiretKeepsTheMergedOnesTrail() {
        String word = word();
        long kept = companies.create(organisation(PartnerKind.ASSOCIATION, "", "Association " + word, "21"), CompanySource.MANUAL).id();
        long duplicate = companies.create(organisation(PartnerKind.ASSOCIATION, "", "Asso " + word, "21"), CompanySource.MANUAL).id();

        CompanyDetails merged = merges.merge(kept, duplicate);

        assertThat(merged.kind()).isEqualTo(PartnerKind.ASSOCIATION);
        assertThat(merged.siret()).isNull();
        assertThat(jdbc.sql("select merged_id from company_merge where kept_id = :kept").param("kept", kept).query(Long.class).single())
                .isEqualTo(duplicate);
        assertThat(history.history(kept)).anySatisfy(h -> assertThat(h.subject()).isEqualTo("Asso " + word));
    }
}

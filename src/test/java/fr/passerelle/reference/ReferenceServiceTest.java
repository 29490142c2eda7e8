package fr.passerelle.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

class ReferenceServiceTest extends IntegrationTest {

    @Autowired
    ReferenceService reference;

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchIgnoresAccentsAndCase() {
        assertThat(search("chateaudun")).extracting(EstablishmentSummary::code, EstablishmentSummary::name, EstablishmentSummary::commune)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CD CHATEAUDUN", "Centre de détention de Châteaudun", "Châteaudun"));
        assertThat(search("montbeliard")).extracting(EstablishmentSummary::commune).containsExactly("Montbéliard");
        assertThat(search("  MONTBÉLIARD ")).extracting(EstablishmentSummary::code).containsExactly("MA MONTBELIARD");
    }

    @Test
    void searchMatchesTheCommuneAndTheDgapLabelToo() {
        assertThat(search("montbeugny")).as("commune of CP Moulins-Yzeure")
                .extracting(EstablishmentSummary::code).containsExactly("CP MOULINS YZEURE");
        assertThat(search("cp fresnes")).extracting(EstablishmentSummary::code)
                .containsExactlyInAnyOrder("CP FRESNES", "CP FRESNES - Villejuif");
    }

    @Test
    void wildcardsTypedInTheSearchAreLiteral() {
        assertThat(reference.countEstablishments(new EstablishmentFilter(null, null, null, "%"))).isZero();
        assertThat(reference.countEstablishments(new EstablishmentFilter(null, null, null, "_"))).isZero();
    }

    @Test
    void filtersCombine() {
        var dijon = EstablishmentFilter.ofDisp("DISP DIJON");
        var dijonRemand = new EstablishmentFilter("DISP DIJON", "MA", null, "");
        var dijonRemandInCoteDor = new EstablishmentFilter("DISP DIJON", "MA", "21", "");

        List<EstablishmentSummary> remand = reference.establishments(dijonRemand, Pageable.unpaged());
        assertThat(remand).isNotEmpty().allSatisfy(e -> {
            assertThat(e.dispCode()).isEqualTo("DISP DIJON");
            assertThat(e.typeCode()).isEqualTo("MA");
        });
        assertThat(reference.countEstablishments(dijonRemand)).isEqualTo(remand.size())
                .isEqualTo(sqlCount("disp_code = 'DISP DIJON' and type_code = 'MA'"))
                .isLessThan(reference.countEstablishments(dijon));
        assertThat(reference.establishments(dijonRemandInCoteDor, Pageable.unpaged()))
                .isNotEmpty().allSatisfy(e -> assertThat(e.departmentCode()).isEqualTo("21"))
                .hasSize((int) sqlCount("disp_code = 'DISP DIJON' and type_code = 'MA' and department_code = '21'"));
        assertThat(reference.countEstablishments(new EstablishmentFilter("DISP DIJON", null, "75", "")))
                .as("Paris is not in the DISP of Dijon").isZero();
        assertThat(reference.countEstablishments(new EstablishmentFilter("DISP DIJON", null, null, "chateaudun"))).isEqualTo(1);
        assertThat(reference.countEstablishments(new EstablishmentFilter("DISP LYON", null, null, "chateaudun"))).isZero();
    }

    @Test
    void sortsByCommuneIgnoringAccentsInBothDirections() {
        List<String> ascending = communes(Sort.by("commune"));
        List<String> descending = communes(Sort.by(Sort.Direction.DESC, "commune"));

        assertThat(ascending).hasSize(186);
        assertThat(ascending).extracting(ReferenceServiceTest::fold).isSortedAccordingTo(String::compareTo);
        assertThat(descending).extracting(ReferenceServiceTest::fold).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(ascending.getFirst()).isNotEqualTo(descending.getFirst());
    }

    @Test
    void sortsByNameWhenThePageHasNoSort() {
        List<String> names = reference.establishments(EstablishmentFilter.none(), PageRequest.of(0, 50)).stream()
                .map(EstablishmentSummary::name).toList();
        assertThat(names).extracting(ReferenceServiceTest::fold).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void otherSortsFollowTheirColumn() {
        assertThat(reference.establishments(EstablishmentFilter.none(), PageRequest.of(0, 186, Sort.by("disp"))))
                .extracting(EstablishmentSummary::dispCode).isSorted();
        assertThat(reference.establishments(EstablishmentFilter.none(), PageRequest.of(0, 186, Sort.by("type"))))
                .extracting(e -> fold(e.typeLabel())).isSorted();
        List<String> departments = reference.establishments(EstablishmentFilter.none(), PageRequest.of(0, 186, Sort.by("department")))
                .stream().map(EstablishmentSummary::departmentCode).toList();
        assertThat(departments.subList(0, 178)).doesNotContainNull().isSorted();
        assertThat(departments.subList(178, 186)).as("overseas collectivities have no department: last").containsOnlyNulls();
    }

    @Test
    void anUnknownSortColumnIsRejected() {
        assertThatThrownBy(() -> reference.establishments(EstablishmentFilter.none(), PageRequest.of(0, 10, Sort.by("id; drop table disp"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        Sort sort = Sort.by("commune");
        var paged = new ArrayList<EstablishmentSummary>();
        for (int page = 0; page < 10; page++) {
            List<EstablishmentSummary> rows = reference.establishments(EstablishmentFilter.none(), PageRequest.of(page, 20, sort));
            assertThat(rows).as("page " + page).hasSize(page < 9 ? 20 : 6);
            paged.addAll(rows);
        }
        assertThat(paged).doesNotHaveDuplicates()
                .containsExactlyElementsOf(reference.establishments(EstablishmentFilter.none(), Pageable.unpaged(sort)));
        assertThat(reference.establishments(EstablishmentFilter.none(), PageRequest.of(10, 20, sort))).isEmpty();
    }

    @Test
    void detailsHoldEveryPublishedField() {
        long fresnes = idOf("CP FRESNES");
        EstablishmentDetails details = reference.establishment(fresnes).orElseThrow();
        assertThat(details.typeLabel()).isEqualTo("Centre pénitentiaire");
        assertThat(details.dispCode()).isEqualTo("DISP PARIS");
        assertThat(details.dispName()).isEqualTo("Direction interrégionale des services pénitentiaires de Paris");
        assertThat(details.quarters()).contains("EPSN", "MA/QMA");
        assertThat(details.departmentCode()).isEqualTo("94");
        assertThat(details.regionName()).isEqualTo("Île-de-France");
        assertThat(details.hasCoordinates()).isTrue();
        assertThat(details.active()).isTrue();

        EstablishmentDetails kone = reference.establishment(idOf("CD KONE")).orElseThrow();
        assertThat(kone.departmentCode()).isNull();
        assertThat(kone.overseasCollectivityName()).isEqualTo("Nouvelle-Calédonie");
        assertThat(kone.dispCode()).isEqualTo("DSPOM");

        EstablishmentDetails chateaudun = reference.establishment(idOf("CD CHATEAUDUN")).orElseThrow();
        assertThat(chateaudun.hasCoordinates()).as("removed: they pointed to Orléans").isFalse();
        assertThat(chateaudun.qualityNote()).contains("Orleans");

        assertThat(reference.establishment(-1)).isEmpty();
    }

    @Test
    @Transactional
    void anInactiveEstablishmentLeavesTheListsButKeepsItsDetails() {
        long montbeliard = idOf("MA MONTBELIARD");
        jdbc.sql("update establishment set active = false where id = :id").param("id", montbeliard).update();

        assertThat(search("montbeliard")).isEmpty();
        assertThat(reference.countEstablishments(EstablishmentFilter.none())).isEqualTo(185);
        assertThat(reference.establishment(montbeliard)).hasValueSatisfying(e -> assertThat(e.active()).isFalse());
    }

    @Test
    void departmentsAndTypes() {
        assertThat(reference.departments()).hasSize(101).first()
                .isEqualTo(new DepartmentSummary("01", "Ain", "84", "Auvergne-Rhône-Alpes", "DISP LYON"));
        assertThat(reference.departments()).filteredOn(d -> d.code().equals("21")).singleElement()
                .extracting(DepartmentSummary::dispCode).isEqualTo("DISP DIJON");
        assertThat(reference.establishmentTypes()).extracting(EstablishmentType::code)
                .containsExactlyInAnyOrder("MA", "CP", "CD", "CSL", "EPM", "MC");
    }

    @Test
    void nafLookups() {
        assertThat(reference.nafSubClass("4221z")).hasValueSatisfying(naf -> {
            assertThat(naf.code()).isEqualTo("42.21Z");
            assertThat(naf.label()).isEqualTo("Construction de réseaux pour fluides");
            assertThat(naf.divisionCode()).isEqualTo("42");
            assertThat(naf.sectionCode()).isEqualTo("F");
        });
        assertThat(reference.nafSubClass("42.21Z")).isPresent();
        assertThat(reference.nafSubClass("99.99Q")).isEmpty();
        assertThat(reference.nafSubClass("not a code")).isEmpty();
        assertThat(reference.nafSections()).hasSize(21).extracting(NafSection::code).startsWith("A", "B").endsWith("U");
        assertThat(reference.nafSection("f")).map(NafSection::label).hasValue("CONSTRUCTION");
        assertThat(reference.searchNafSubClasses("boulangerie", 10)).extracting(NafSubClass::code).contains("10.71C");
        assertThat(reference.searchNafSubClasses("1071", 10)).extracting(NafSubClass::code)
                .containsExactly("10.71A", "10.71B", "10.71C", "10.71D");
    }

    @Test
    void romeLookups() {
        assertThat(reference.romeJob("f1603")).hasValueSatisfying(job -> {
            assertThat(job.label()).isEqualTo("Plombier / Plombière sanitaire");
            assertThat(job.familyCode()).isEqualTo("F");
            assertThat(job.familyLabel()).isEqualTo("Construction, Bâtiment et Travaux publics");
            assertThat(job.domainCode()).isEqualTo("F16");
        });
        assertThat(reference.romeJob("Z9999")).isEmpty();
        assertThat(reference.romeFamilies()).hasSize(14).extracting(RomeFamily::code).startsWith("A").endsWith("N");
        assertThat(reference.romeFamily("n")).map(RomeFamily::label).hasValue("Transport et Logistique");
        assertThat(reference.searchRomeJobs("plombiere", 20)).extracting(RomeJob::code).contains("F1603");
        assertThat(reference.searchRomeJobs("F16", 100)).isNotEmpty().allSatisfy(job -> assertThat(job.code()).startsWith("F16"));
    }

    @Test
    void countsOfActiveReferenceData() {
        assertThat(reference.counts()).isEqualTo(new ReferenceCounts(10, 18, 101, 186, 21, 732, 14, 1584));
    }

    private List<EstablishmentSummary> search(String text) {
        return reference.establishments(new EstablishmentFilter(null, null, null, text), Pageable.unpaged());
    }

    private List<String> communes(Sort sort) {
        return reference.establishments(EstablishmentFilter.none(), PageRequest.of(0, 500, sort)).stream()
                .map(EstablishmentSummary::commune).toList();
    }

    private long sqlCount(String condition) {
        return jdbc.sql("select count(*) from establishment where active and " + condition).query(Long.class).single();
    }

    private long idOf(String code) {
        return jdbc.sql("select id from establishment where code = :code").param("code", code).query(Long.class).single();
    }

    /** Lower case without accents, as {@code search_text} compares. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}

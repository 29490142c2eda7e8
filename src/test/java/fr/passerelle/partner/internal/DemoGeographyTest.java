package fr.passerelle.partner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.partner.Postcodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoGeographyTest {

    @Test
    void everyDepartmentOfTheReferenceDataHasCommunesWhosePostcodesBelongToIt() throws IOException {
        List<String> departments;
        try (InputStream in = getClass().getResourceAsStream("/db/reference/departements.csv")) {
            assertThat(in).isNotNull();
            departments = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.split(",")[0]).toList();
        }
        assertThat(departments).hasSize(101);
        assertThat(DemoGeography.places().keySet()).containsExactlyInAnyOrderElementsOf(departments);
        DemoGeography.places().values().forEach(place -> {
            assertThat(place.communes()).as(place.departmentCode()).isNotEmpty();
            place.communes().forEach(commune ->
                    assertThat(Postcodes.department(commune.postcode())).as(commune.name()).contains(place.departmentCode()));
        });
    }

    @Test
    void namesTakeTheRightPreposition() {
        assertThat(DemoGeography.of("Dijon")).isEqualTo("de Dijon");
        assertThat(DemoGeography.of("Auxerre")).isEqualTo("d’Auxerre");
        assertThat(DemoGeography.of("Le Mans")).isEqualTo("du Mans");
        assertThat(DemoGeography.of("Les Abymes")).isEqualTo("des Abymes");
        assertThat(DemoGeography.of("Épinal")).isEqualTo("d’Épinal");
        assertThat(DemoGeography.place("18").orElseThrow().area()).isEqualTo("Berry");
        assertThat(DemoGeography.place("89").orElseThrow().area()).isEqualTo("Yonne");
    }

    @Test
    void slugsMakePlausibleDomains() {
        assertThat(DemoNames.slug("Bâtiments Durand & Fils")).isEqualTo("batiments-durand-fils");
        assertThat(DemoNames.slug("Restaurant L’Épicurien SARL")).isEqualTo("restaurant-lepicurien");
        assertThat(DemoNames.slug("Gros Œuvre Lefèvre")).isEqualTo("gros-oeuvre-lefevre");
        assertThat(DemoNames.slug("Pizzeria des Halles de Longvic SAS")).isEqualTo("pizzeria-halles-longvic");
        assertThat(DemoNames.plain("Le Gall")).isEqualTo("legall");
        assertThat(DemoNames.plain("Marie-Claire")).isEqualTo("marieclaire");
    }
}

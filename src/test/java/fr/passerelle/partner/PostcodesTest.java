package fr.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostcodesTest {

    @Test
    void departmentsFromPostcodes() {
        assertThat(Postcodes.department("21000")).hasValue("21");
        assertThat(Postcodes.department("01000")).hasValue("01");
        assertThat(Postcodes.department("20090")).hasValue("2A");
        assertThat(Postcodes.department("20200")).hasValue("2B");
        assertThat(Postcodes.department("97300")).hasValue("973");
        assertThat(Postcodes.department("98000")).as("Monaco").isEmpty();
        assertThat(Postcodes.department("97500")).as("Saint-Pierre-et-Miquelon").isEmpty();
        assertThat(Postcodes.department("2100")).isEmpty();
    }
}

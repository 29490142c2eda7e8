package fr.passerelle.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicAddressTest {

    @Test
    void linksAreBuiltFromTheConfiguredAddress() {
        var address = new PublicAddress("https://passerelle.example.fr/", new MockEnvironment().withProperty("local.server.port", "8080"));
        assertThat(address.base()).isEqualTo("https://passerelle.example.fr");
        assertThat(address.link("/portail/confirmer", "jeton", "a b+c&d").toString())
                .isEqualTo("https://passerelle.example.fr/portail/confirmer?jeton=a%20b%2Bc%26d");
    }

    @Test
    void withoutASettingTheLocalPortIsUsed() {
        var address = new PublicAddress(" ", new MockEnvironment().withProperty("local.server.port", "43127"));
        assertThat(address.link("portail").toString()).isEqualTo("http://localhost:43127/portail");
    }
}

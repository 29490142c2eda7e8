package fr.passerelle.partner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo organisations of the embedded default (decision record 015). */
class OrganisationDemoDataTest extends IntegrationTest {

    @Autowired
    OrganisationDemoData demoData;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoHasOrganisationsOfEveryKindInTwoDispEachWithAContactAndASecondRunAddsNothing() {
        assertThat(demoData.order()).as("after the demo companies").isGreaterThan(200);
        assertThat(jdbc.sql("""
                        select kind || ' ' || disp_code || ' ' || region_code from company
                        where legal_name in ('Fédération Régionale des Travaux Publics Bourgogne-Franche-Comté', 'Région Bourgogne-Franche-Comté')
                        order by kind""").query(String.class).list())
                .containsExactly("FEDERATION DISP DIJON 27", "FUNDER DISP DIJON 27");
        for (var organisation : OrganisationDemoData.ORGANISATIONS) {
            assertThat(jdbc.sql("""
                            select count(*) from company c join contact k on k.company_id = c.id and k.is_primary
                            where c.legal_name = :name and c.kind = :kind and c.siret is null
                              and exists (select 1 from interaction i where i.company_id = c.id)
                              and exists (select 1 from pipeline_move m where m.company_id = c.id)""")
                    .param("name", organisation.legalName()).param("kind", organisation.kind().name()).query(Long.class).single())
                    .as(organisation.legalName()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select distinct disp_code from company where kind <> 'COMPANY' and legal_name in (:names) order by 1")
                .param("names", OrganisationDemoData.ORGANISATIONS.stream().map(OrganisationDemoData.Organisation::legalName).toList())
                .query(String.class).list()).containsExactly("DISP DIJON", "DISP LYON");
        assertThat(jdbc.sql("select count(distinct kind) from company where kind <> 'COMPANY'").query(Long.class).single())
                .as("every kind of organisation").isEqualTo(6);

        long before = jdbc.sql("select count(*) from company").query(Long.class).single();
        assertThat(demoData.seed()).isZero();
        assertThat(jdbc.sql("select count(*) from company").query(Long.class).single()).isEqualTo(before);
    }
}

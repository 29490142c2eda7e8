package fr.passerelle.campaign.internal;

import fr.passerelle.base.DemoSeeder;
import fr.passerelle.campaign.SegmentFilter;
import fr.passerelle.campaign.SegmentFilter.OfferPresence;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.PipelineStage;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo segments and templates (after the companies, offers and cohorts: 600), owned by the communication account:
 * what a communication team of the network would keep. A name already taken is left alone, so a second run adds
 * nothing; written with plain SQL, in one transaction under an advisory lock.
 */
@Component
class CampaignDemoSeeder implements DemoSeeder {

    private static final long LOCK_KEY = 0x4361_6d70_6169_676eL;

    private record DemoSegment(String name, SegmentFilter filter) {
    }

    private record DemoTemplate(String name, String subject, String htmlBody, @Nullable String textBody) {
    }

    private static final List<DemoSegment> SEGMENTS = List.of(
            new DemoSegment("BTP Bourgogne sans offre", filter(Set.of(), Set.of("27"), Set.of("F"), Set.of(), Set.of(), null,
                    OfferPresence.WITHOUT_OFFER)),
            new DemoSegment("Logistique Île-de-France", filter(Set.of(), Set.of("11"), Set.of("H"), Set.of(), Set.of(), null,
                    OfferPresence.ANY)),
            new DemoSegment("DISP Dijon : sans nouvelles depuis 6 mois", filter(Set.of("DISP DIJON"), Set.of(), Set.of(),
                    Set.of(), Set.of(), 6, OfferPresence.ANY)),
            new DemoSegment("Prospects de l’économie sociale et solidaire", filter(Set.of(), Set.of(), Set.of(),
                    Set.of(PipelineStage.PROSPECT, PipelineStage.CONTACTED), Set.of(CompanyLabel.SOCIAL_ECONOMY), null,
                    OfferPresence.ANY)),
            new DemoSegment("Partenaires ayant déclaré une offre", filter(Set.of(), Set.of(), Set.of(),
                    Set.of(PipelineStage.PARTNER), Set.of(), null, OfferPresence.WITH_OFFER)));

    private static final List<DemoTemplate> TEMPLATES = List.of(
            new DemoTemplate("Invitation à déclarer une offre", "{{company.name}} : recrutez avec l’administration pénitentiaire",
                    """
                    <p>Bonjour {{contact.firstName}} {{contact.lastName}},</p>
                    <p>Des personnes détenues ou sortant de détention, formées et accompagnées par nos équipes, cherchent un
                    emploi près de chez vous. {{company.name}} a peut-être un poste pour elles.</p>
                    <p><a href="{{portal.link}}">Déclarez une offre en quelques minutes</a> : votre référent la relit et vous
                    propose des candidats.</p>
                    <p>Bien cordialement,<br>{{referent.name}}</p>
                    """, null),
            new DemoTemplate("Relance des entreprises sans nouvelles", "Des nouvelles de votre partenariat, {{contact.firstName}} ?",
                    """
                    <p>Bonjour {{contact.firstName}},</p>
                    <p>Nous n’avons pas échangé depuis quelques mois. Vos besoins de recrutement ont peut-être changé :
                    ateliers en détention, sous-traitance, embauche à la sortie… Votre référent vous rappelle volontiers.</p>
                    <p>Vous pouvez aussi <a href="{{portal.link}}">déclarer un besoin en ligne</a>.</p>
                    <p>{{referent.name}}</p>
                    """, """
                    Bonjour {{contact.firstName}},

                    Nous n’avons pas échangé depuis quelques mois. Vos besoins de recrutement ont peut-être changé :
                    ateliers en détention, sous-traitance, embauche à la sortie… Votre référent vous rappelle volontiers.

                    Déclarer un besoin en ligne : {{portal.link}}

                    {{referent.name}}
                    """),
            new DemoTemplate("Forum emploi et justice", "Forum emploi et justice : {{company.name}} est invitée",
                    """
                    <p>Bonjour {{contact.firstName}},</p>
                    <p>Le forum emploi et justice réunit entreprises, établissements pénitentiaires et services d’insertion
                    de la région. Venez y rencontrer des candidats et les équipes qui les accompagnent.</p>
                    <p>Inscrivez-vous auprès de {{referent.name}} en répondant à ce message.</p>
                    """, null));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    CampaignDemoSeeder(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public String name() {
        return "demo campaign segments and templates";
    }

    @Override
    public int seed() {
        Integer created = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
            Long owner = jdbc.sql("select id from app_user where username = 'communication'").query(Long.class).optional()
                    .orElse(null);
            if (owner == null) {
                return 0;
            }
            int rows = 0;
            for (DemoSegment segment : SEGMENTS) {
                rows += jdbc.sql("""
                                insert into campaign_segment (name, filter, owner_id) values (:name, cast(:filter as jsonb), :owner)
                                on conflict ((lower(btrim(name)))) do nothing""")
                        .param("name", segment.name()).param("filter", json.writeValueAsString(segment.filter()))
                        .param("owner", owner).update();
            }
            for (DemoTemplate template : TEMPLATES) {
                rows += jdbc.sql("""
                                insert into campaign_template (name, subject, html_body, text_body, owner_id)
                                values (:name, :subject, :html, :text, :owner)
                                on conflict ((lower(btrim(name)))) do nothing""")
                        .param("name", template.name()).param("subject", template.subject()).param("html", template.htmlBody())
                        .param("text", template.textBody()).param("owner", owner).update();
            }
            return rows;
        });
        return created == null ? 0 : created;
    }

    private static SegmentFilter filter(Set<String> disps, Set<String> regions, Set<String> sections, Set<PipelineStage> stages,
                                        Set<CompanyLabel> labels, @Nullable Integer months, OfferPresence offers) {
        return new SegmentFilter(disps, regions, Set.of(), sections, Set.of(), stages, Set.of(), labels, months, offers);
    }
}

package fr.passerelle.partner.internal;

import fr.passerelle.base.DemoSeeder;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.PipelineStage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo organisations (decision record 015): a public-works federation, the regional council as funder, a
 * training centre, France Travail, the SPIP and an association in DISP DIJON, and some of the same in DISP LYON,
 * each with a contact, a pipeline move and a meeting. Fictional people; the organisations' names are plausible.
 * Runs after the demo companies (order 210) and adds nothing where an organisation exists.
 */
@Component
class OrganisationDemoData implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(OrganisationDemoData.class);
    private static final long LOCK_KEY = 0x4f72_6761_4465_6d6fL;

    /** A demo organisation and its one contact. */
    record Organisation(PartnerKind kind, @Nullable String siret, String legalName, String street, String postcode, String commune,
                        String departmentCode, @Nullable String website, PipelineStage stage, String contactFirstName,
                        String contactLastName, String contactJobTitle, String contactEmail, String contactPhone, String meeting) {
    }

    static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation(PartnerKind.FEDERATION, null, "Fédération Régionale des Travaux Publics Bourgogne-Franche-Comté",
                    "6 rue Jean-Baptiste Say", "21800", "Chevigny-Saint-Sauveur", "21", null, PipelineStage.PARTNER,
                    "Claire", "Morel", "Chargée de mission emploi-formation", "claire.morel@frtp-bfc.example", "+33380000101",
                    "Préparation d’une formation de canalisateurs avant la sortie avec le centre pénitentiaire"),
            new Organisation(PartnerKind.FUNDER, null, "Région Bourgogne-Franche-Comté", "4 square Castan", "25000", "Besançon", "25",
                    null, PipelineStage.PARTNER, "Julien", "Perrin", "Chargé de mission formation des publics sous main de justice",
                    "julien.perrin@region-bfc.example", "+33381000102", "Financement des heures de formation de la promotion canalisateurs"),
            new Organisation(PartnerKind.TRAINING_BODY, null, "CFA des Travaux Publics de Côte-d’Or", "12 rue de la Formation", "21000",
                    "Dijon", "21", null, PipelineStage.IN_DISCUSSION, "Sophie", "Garnier", "Responsable des formations",
                    "sophie.garnier@cfa-tp21.example", "+33380000103", "Programme de 8 semaines et titre professionnel visé"),
            new Organisation(PartnerKind.EMPLOYMENT_SERVICE, null, "France Travail Dijon Clemenceau", "2 boulevard Clemenceau", "21000",
                    "Dijon", "21", null, PipelineStage.PARTNER, "Karim", "Benali", "Conseiller référent justice",
                    "karim.benali@francetravail-dijon.example", "+33380000104", "Inscription des sortants et suivi à six mois"),
            new Organisation(PartnerKind.SPIP, null, "SPIP de la Côte-d’Or", "8 rue du Palais", "21000", "Dijon", "21", null,
                    PipelineStage.PARTNER, "Hélène", "Roussel", "Directrice pénitentiaire d’insertion et de probation",
                    "helene.roussel@spip21.example", "+33380000105", "Repérage des candidats et codes des participants"),
            new Organisation(PartnerKind.ASSOCIATION, null, "Association Tremplin Sortie", "15 rue des Godrans", "21000", "Dijon", "21",
                    null, PipelineStage.CONTACTED, "Marc", "Lefèvre", "Coordinateur", "marc.lefevre@tremplin-sortie.example",
                    "+33380000106", "Hébergement et accompagnement à la sortie"),
            new Organisation(PartnerKind.FEDERATION, null, "Fédération du BTP du Rhône et de la Métropole", "23 avenue Condorcet", "69100",
                    "Villeurbanne", "69", null, PipelineStage.IN_DISCUSSION, "Nathalie", "Fabre", "Responsable emploi",
                    "nathalie.fabre@btp-rhone.example", "+33478000107", "Présentation des métiers du gros œuvre en détention"),
            new Organisation(PartnerKind.EMPLOYMENT_SERVICE, null, "Mission locale de Lyon", "4 place Guichard", "69003", "Lyon", "69",
                    null, PipelineStage.PARTNER, "Thomas", "Girard", "Conseiller justice", "thomas.girard@ml-lyon.example",
                    "+33478000108", "Suivi des moins de 26 ans à la sortie"),
            new Organisation(PartnerKind.SPIP, null, "SPIP du Rhône", "10 rue Servient", "69003", "Lyon", "69", null,
                    PipelineStage.PARTNER, "Isabelle", "Chevalier", "Conseillère pénitentiaire d’insertion et de probation",
                    "isabelle.chevalier@spip69.example", "+33478000109", "Préparation des sorties de la promotion logistique"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OrganisationDemoData(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public String name() {
        return "demo organisations";
    }

    @Override
    public int seed() {
        Integer created = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
            if (jdbc.sql("select exists (select 1 from company where kind <> 'COMPANY')").query(Boolean.class).single()) {
                return 0;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Long referent = jdbc.sql("select id from app_user where username = 'referent' and enabled").query(Long.class).optional().orElse(null);
            String referentDisp = jdbc.sql("select disp_code from app_user where username = 'referent'").query(String.class).optional()
                    .orElse("DISP DIJON");
            for (Organisation o : ORGANISATIONS) {
                write(o, referent, referentDisp, now);
            }
            return ORGANISATIONS.size();
        });
        if (created != null && created > 0) {
            log.info("Demo data: {} organisations created", created);
        }
        return created == null ? 0 : created;
    }

    private void write(Organisation o, @Nullable Long referent, String referentDisp, Instant now) {
        String disp = jdbc.sql("select disp_code from department where code = :code").param("code", o.departmentCode())
                .query(String.class).single();
        Long owner = disp.equals(referentDisp) ? referent : null;
        Instant created = now.minus(120, ChronoUnit.DAYS);
        long id = jdbc.sql("""
                        insert into company (kind, siret, legal_name, street, postcode, commune, department_code, website, owner_id,
                                             stage, created_at)
                        values (:kind, :siret, :name, :street, :postcode, :commune, :department, :website, :owner, :stage, :created)
                        returning id""")
                .param("kind", o.kind().name()).param("siret", o.siret()).param("name", o.legalName()).param("street", o.street())
                .param("postcode", o.postcode()).param("commune", o.commune()).param("department", o.departmentCode())
                .param("website", o.website()).param("owner", owner).param("stage", o.stage().name())
                .param("created", java.sql.Timestamp.from(created))
                .query(Long.class).single();
        jdbc.sql("""
                        insert into pipeline_move (company_id, from_stage, to_stage, moved_by, moved_at)
                        values (:id, null, :stage, 'referent', :at)""")
                .param("id", id).param("stage", o.stage().name()).param("at", java.sql.Timestamp.from(created)).update();
        long contact = jdbc.sql("""
                        insert into contact (company_id, first_name, last_name, job_title, email, phone, is_primary, created_at)
                        values (:id, :first, :last, :title, :email, :phone, true, :created) returning id""")
                .param("id", id).param("first", o.contactFirstName()).param("last", o.contactLastName())
                .param("title", o.contactJobTitle()).param("email", o.contactEmail()).param("phone", o.contactPhone())
                .param("created", java.sql.Timestamp.from(created)).query(Long.class).single();
        Instant met = now.minus(20, ChronoUnit.DAYS);
        jdbc.sql("""
                        insert into interaction (company_id, kind, occurred_at, contact_id, summary, author, created_at)
                        values (:id, 'MEETING', :at, :contact, :summary, 'referent', :at)""")
                .param("id", id).param("at", java.sql.Timestamp.from(met)).param("contact", contact).param("summary", o.meeting())
                .update();
    }
}

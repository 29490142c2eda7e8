package fr.passerelle.workshop.internal;

import fr.passerelle.base.DemoSeeder;
import fr.passerelle.base.DisplayFormats;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo workshop spaces: a score of spaces in thirteen establishments (DGAP labels) over seven DISP, with
 * the activities French establishments actually host, and two companies' pending requests in the demo
 * referent's DISP. The contact referent is an active referent of the establishment's DISP when one
 * exists (the demo referent for DISP DIJON), none otherwise. Written with plain SQL, so the audit table
 * stays empty for them; nothing is written when a space exists.
 */
@Component
class WorkshopDemoSeeder implements DemoSeeder {

    /** Two instances starting together on one database write the spaces once. */
    private static final long LOCK_KEY = 0x576f_726b_7368_6f70L;

    private record Space(String establishment, String label, int area, @Nullable Integer storage, boolean dock,
                         @Nullable String activity, String category, String availability, @Nullable Integer availableInDays,
                         boolean listed, @Nullable String notes) {
    }

    private static final List<Space> SPACES = List.of(
            new Space("CD JOUX LA VILLE", "Atelier 1 – bâtiment A", 620, 150, true, "conditionnement de produits cosmétiques",
                    "PACKAGING", "OCCUPIED", null, true, "Concession en cours jusqu’à fin d’année."),
            new Space("CD JOUX LA VILLE", "Atelier 2 – bâtiment B", 450, 80, true, null, "OTHER", "AVAILABLE", null, true,
                    "Anciennement menuiserie ; aspiration à remettre en service."),
            new Space("CP VARENNES LE GRAND", "Atelier de production nord", 900, 300, true, "assemblage de faisceaux électriques",
                    "ASSEMBLY", "AVAILABLE_FROM", 60, true, null),
            new Space("CP VARENNES LE GRAND", "Atelier numérique", 120, null, false, "saisie et numérisation de documents",
                    "DIGITAL", "OCCUPIED", null, true, null),
            new Space("CD CHATEAUDUN", "Atelier bois", 540, 200, true, "menuiserie – palettes et caisses", "WOODWORK",
                    "OCCUPIED", null, true, null),
            new Space("CD CHATEAUDUN", "Atelier C – rez-de-chaussée", 300, 40, false, null, "OTHER", "AVAILABLE", null, false,
                    "Travaux électriques prévus avant ouverture au catalogue."),
            new Space("CP ORLEANS SARAN", "Atelier 3", 700, 120, true, "démantèlement de DEEE", "RECYCLING", "AVAILABLE", null,
                    true, null),
            new Space("CD ROANNE", "Atelier métallerie", 800, 250, true, "soudure et petite chaudronnerie", "METALWORK",
                    "OCCUPIED", null, true, null),
            new Space("CD ROANNE", "Atelier 4 – bâtiment C", 350, 60, true, null, "PACKAGING", "AVAILABLE", null, true, null),
            new Space("CP ST QUENTIN FALLAVIER", "Atelier logistique", 1000, 400, true, "préparation de commandes",
                    "PACKAGING", "AVAILABLE_FROM", 120, true, null),
            new Space("CD ARGENTAN", "Atelier couture", 260, 30, false, "confection de vêtements de travail", "TEXTILE",
                    "OCCUPIED", null, true, null),
            new Space("CD VAL DE REUIL", "Atelier agroalimentaire", 480, 90, true, "conditionnement alimentaire sous froid",
                    "FOOD", "AVAILABLE", null, true, null),
            new Space("CD MURET", "Atelier 1", 650, 150, true, "montage de petits équipements", "ASSEMBLY", "AVAILABLE", null,
                    true, null),
            new Space("CD TOUL", "Atelier blanchisserie", 400, 50, true, "blanchisserie industrielle", "SERVICES", "OCCUPIED",
                    null, true, null),
            new Space("MC ENSISHEIM", "Atelier menuiserie", 560, 180, true, "ébénisterie et mobilier", "WOODWORK",
                    "AVAILABLE_FROM", 30, true, null),
            new Space("CD EYSSES", "Atelier 2", 500, 100, true, "mise sous pli et routage", "PACKAGING", "AVAILABLE", null,
                    true, null),
            new Space("CD BAPAUME", "Atelier centre d’appels", 150, null, false, "relation client et prise de rendez-vous",
                    "DIGITAL", "AVAILABLE", null, true, null),
            new Space("CD BAPAUME", "Atelier 5 – grand hall", 1200, 500, true, null, "OTHER", "AVAILABLE", null, true, null));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    WorkshopDemoSeeder(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public String name() {
        return "demo workshop spaces";
    }

    @Override
    public int seed() {
        Integer created = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
            if (jdbc.sql("select exists (select 1 from workshop_space)").query(Boolean.class).single()) {
                return 0;
            }
            return write();
        });
        return created == null ? 0 : created;
    }

    private int write() {
        Map<String, Long> establishments = new HashMap<>();
        Map<Long, String> dispOf = new HashMap<>();
        jdbc.sql("select id, code, disp_code from establishment where active and code in (:codes)")
                .param("codes", SPACES.stream().map(Space::establishment).distinct().toList())
                .query(rs -> {
                    establishments.put(rs.getString("code"), rs.getLong("id"));
                    dispOf.put(rs.getLong("id"), rs.getString("disp_code"));
                });
        Map<String, Long> referents = referentsByDisp();
        LocalDate today = DisplayFormats.today();
        Map<String, Long> spaceIds = new HashMap<>();
        for (Space space : SPACES) {
            Long establishmentId = establishments.get(space.establishment());
            if (establishmentId == null) {
                continue;
            }
            long id = jdbc.sql("""
                    insert into workshop_space (establishment_id, label, area_m2, storage_m2, loading_dock, current_activity,
                                                activity_category, availability, available_from, referent_id, notes, public_listing)
                    values (:establishment, :label, :area, :storage, :dock, :activity, :category, :availability, :from,
                            :referent, :notes, :listed)
                    returning id""")
                    .param("establishment", establishmentId).param("label", space.label()).param("area", space.area())
                    .param("storage", space.storage()).param("dock", space.dock()).param("activity", space.activity())
                    .param("category", space.category()).param("availability", space.availability())
                    .param("from", space.availableInDays() == null ? null : today.plusDays(space.availableInDays()))
                    .param("referent", referents.get(dispOf.get(establishmentId))).param("notes", space.notes())
                    .param("listed", space.listed())
                    .query(Long.class).single();
            spaceIds.put(space.establishment() + "/" + space.label(), id);
        }
        interest(spaceIds.get("CD JOUX LA VILLE/Atelier 2 – bâtiment B"), 6, "Ateliers Bourguignons du Meuble", "Claire Martin",
                "c.martin@ateliers-bourguignons.example", "+33380123456",
                "Nous cherchons 400 m² pour une production de petits meubles, avec 6 à 8 postes. Une visite est-elle possible en avril ?");
        interest(spaceIds.get("CP VARENNES LE GRAND/Atelier de production nord"), 2, "Câblages de Saône", "Karim Benali",
                "k.benali@cablages-saone.example", null,
                "Sous-traitant automobile, nous souhaitons ouvrir un atelier de câblage de 12 postes à partir de la rentrée.");
        return spaceIds.size();
    }

    /** One active referent per DISP, the demo referent first. */
    private Map<String, Long> referentsByDisp() {
        Map<String, Long> referents = new HashMap<>();
        jdbc.sql("""
                select distinct on (disp_code) disp_code, id from app_user
                where role = 'REFERENT' and enabled
                order by disp_code, username <> 'referent', id""")
                .query(rs -> {
                    referents.put(rs.getString("disp_code"), rs.getLong("id"));
                });
        return referents;
    }

    private void interest(@Nullable Long spaceId, int daysAgo, String company, String contact, String email, @Nullable String phone,
                          String message) {
        if (spaceId == null) {
            return;
        }
        jdbc.sql("""
                insert into workshop_interest (space_id, company_name, contact_name, email, phone, message, created_at)
                values (:space, :company, :contact, :email, :phone, :message, now() - interval '1 day' * :daysAgo)""")
                .param("space", spaceId).param("company", company).param("contact", contact).param("email", email)
                .param("phone", phone).param("message", message).param("daysAgo", daysAgo)
                .update();
    }
}

package fr.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

class CompanyServiceTest extends IntegrationTest {

    private static final Random RANDOM = new Random();

    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    EngagementService engagements;
    @Autowired
    ActivityService activity;
    @Autowired
    TaskService tasks;
    @Autowired
    CompanyMergeService merges;
    @Autowired
    CompanyHistoryService history;
    @Autowired
    JdbcClient jdbc;

    static CompanyDraft draft(String siret, String name, String department) {
        return new CompanyDraft(siret, name, null, "4221z", WorkforceBracket.FROM_10, "1 rue de la Paix", null, "Ville",
                department, "exemple.fr", Set.of(CompanyLabel.INCLUSIVE_COMPANY), null);
    }

    @Test
    void theDatabaseDerivesRegionAndDispFromTheDepartmentWhateverAStatementWrites() {
        String siret = SiretGenerator.random(RANDOM);
        jdbc.sql("""
                insert into company (siret, legal_name, department_code, region_code, disp_code)
                values (:siret, 'Région Forcée', '21', '11', 'DISP PARIS')""").param("siret", siret).update();
        jdbc.sql("update company set region_code = '11', disp_code = 'DISP PARIS' where siret = :siret").param("siret", siret).update();

        assertThat(jdbc.sql("select region_code || ' ' || disp_code from company where siret = :siret").param("siret", siret)
                .query(String.class).single()).isEqualTo("27 DISP DIJON");
        jdbc.sql("delete from company where siret = :siret").param("siret", siret).update();
    }

    @Test
    void theDatabaseRefusesACompanyWhoseDepartmentDoesNotExist() {
        // No foreign key on department_code since V10: the trigger finds no department, region_code stays
        // null and its not-null constraint refuses the row, on insert as on update.
        String siret = SiretGenerator.random(RANDOM);
        assertThatThrownBy(() -> jdbc.sql("insert into company (siret, legal_name, department_code) values (:siret, 'Nulle Part', '00')")
                .param("siret", siret).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("region_code");
        jdbc.sql("insert into company (siret, legal_name, department_code) values (:siret, 'Quelque Part', '21')").param("siret", siret).update();
        assertThatThrownBy(() -> jdbc.sql("update company set department_code = '00' where siret = :siret").param("siret", siret).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("region_code");
        jdbc.sql("delete from company where siret = :siret").param("siret", siret).update();
    }

    @Test
    @WithUserDetails("referent")
    void aReferentCreatesACompanyOfTheirDispWithNormalisedValues() {
        String siret = SiretGenerator.random(RANDOM);
        String typed = siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " " + siret.substring(9);
        CompanyDetails created = companies.create(draft(typed, "  Bâtiments Durand  ", "21"), CompanySource.MANUAL);

        assertThat(created.siret()).isEqualTo(siret);
        assertThat(created.siren()).isEqualTo(siret.substring(0, 9));
        assertThat(created.legalName()).isEqualTo("Bâtiments Durand");
        assertThat(created.nafCode()).isEqualTo("42.21Z");
        assertThat(created.sectionCode()).isEqualTo("F");
        assertThat(created.dispCode()).as("derived from the department").isEqualTo("DISP DIJON");
        assertThat(created.regionName()).isEqualTo("Bourgogne-Franche-Comté");
        assertThat(created.website()).isEqualTo("https://exemple.fr");
        assertThat(created.ownerName()).as("the referent owns what they create").isEqualTo("Référent démo (Dijon)");
        assertThat(created.stage()).isEqualTo(PipelineStage.PROSPECT);
        assertThat(created.editable()).isTrue();
        assertThat(companies.pipelineHistory(created.id())).singleElement()
                .satisfies(move -> assertThat(move.to()).isEqualTo(PipelineStage.PROSPECT));
    }

    @Test
    @WithUserDetails("referent")
    void aBadSiretIsRefusedWithItsReasonAndNothingIsSaved() {
        long before = count();
        assertThatThrownBy(() -> companies.create(draft("13000548121801", "Mauvais SIRET", "21"), CompanySource.MANUAL))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.field()).isEqualTo("siret");
                    assertThat(e.messageKey()).isEqualTo("partner.error.siret-checksum");
                });
        assertThatThrownBy(() -> companies.create(draft("1300054812", "Trop court", "21"), CompanySource.MANUAL))
                .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.messageKey()).isEqualTo("partner.error.siret-format"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theDatabaseRefusesAnInvalidSiretEvenWithoutJava() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into company (siret, legal_name, department_code) values ('12345678900017', 'Direct', '21')
                """).update()).hasMessageContaining("company_siret_valid");
        assertThat(jdbc.sql("select siret_is_valid('35600000037187') and siret_is_valid('13000548121800') and not siret_is_valid('12345678900017')")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    @WithUserDetails("referent")
    void referentCannotEditCompanyOfAnotherDisp() {
        long parisCompany = asAdmin(() -> companies.create(draft(SiretGenerator.random(RANDOM), "Logistique Île-de-France", "75"),
                CompanySource.MANUAL)).id();

        assertThatThrownBy(() -> companies.create(draft(SiretGenerator.random(RANDOM), "Hors DISP", "75"), CompanySource.MANUAL))
                .isInstanceOf(AccessDeniedException.class);
        CompanyDetails read = companies.require(parisCompany);
        assertThat(read.editable()).isFalse();
        assertThatThrownBy(() -> companies.update(parisCompany, read.version(), read.toDraft())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> companies.moveStage(parisCompany, PipelineStage.CONTACTED, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.add(parisCompany, new ContactDraft("A", "B", null, null, null, true, EmailStatus.ACTIVE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activity.logInteraction(parisCompany,
                new InteractionDraft(InteractionKind.CALL, LocalDateTime.now().minusHours(1), null, "Appel")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(companies.require(parisCompany).stage()).isEqualTo(PipelineStage.PROSPECT);
    }

    @Test
    @WithUserDetails("communication")
    void communicationReadsCompaniesAndContactsButChangesNothing() {
        assertThat(companies.count(CompanyFilter.none())).isGreaterThanOrEqualTo(0);
        assertThatThrownBy(() -> companies.create(draft(SiretGenerator.random(RANDOM), "Com", "21"), CompanySource.MANUAL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> engagements.ofCompany(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activity.timeline(1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("referent")
    void everyPipelineMoveIsRecordedAndDecliningNeedsAReason() {
        long id = companies.create(draft(SiretGenerator.random(RANDOM), "Transports Moreau", "21"), CompanySource.MANUAL).id();
        companies.moveStage(id, PipelineStage.CONTACTED, null);
        companies.moveStage(id, PipelineStage.IN_DISCUSSION, null);
        assertThatThrownBy(() -> companies.moveStage(id, PipelineStage.DECLINED, "  "))
                .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        CompanyDetails declined = companies.moveStage(id, PipelineStage.DECLINED, "Pas de besoin cette année");

        assertThat(declined.stage()).isEqualTo(PipelineStage.DECLINED);
        assertThat(declined.declinedReason()).isEqualTo("Pas de besoin cette année");
        assertThat(companies.pipelineHistory(id)).extracting(PipelineMoveEntry::from, PipelineMoveEntry::to, PipelineMoveEntry::movedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PipelineStage.IN_DISCUSSION, PipelineStage.DECLINED, "referent"),
                        org.assertj.core.groups.Tuple.tuple(PipelineStage.CONTACTED, PipelineStage.IN_DISCUSSION, "referent"),
                        org.assertj.core.groups.Tuple.tuple(PipelineStage.PROSPECT, PipelineStage.CONTACTED, "referent"),
                        org.assertj.core.groups.Tuple.tuple(null, PipelineStage.PROSPECT, "referent"));
        assertThat(activity.timeline(id)).filteredOn(e -> e.kind() == TimelineEntry.Kind.PIPELINE_MOVE).hasSize(4);
        assertThat(companies.moveStage(id, PipelineStage.PARTNER, null).declinedReason()).isNull();
    }

    @Test
    @WithUserDetails("referent")
    void searchIgnoresAccentsAndCaseAndFindsSiretAndCommune() {
        String siret = SiretGenerator.random(RANDOM);
        String unique = "Zéphyrine" + Math.abs(RANDOM.nextInt());
        long id = companies.create(new CompanyDraft(siret, "Menuiserie " + unique, "Bois d’Été", null, null, null, "21000",
                "Châtillon-sur-Seine", null, null, Set.of(), null), CompanySource.MANUAL).id();

        String plain = "menuiserie " + unique.toLowerCase().replace("é", "e");
        assertThat(companies.search(CompanyFilter.none().withSearch(plain), PageRequest.of(0, 10)))
                .extracting(CompanySummary::id).containsExactly(id);
        assertThat(companies.search(CompanyFilter.none().withSearch(siret.substring(0, 3) + " " + siret.substring(3, 9)), PageRequest.of(0, 10)))
                .extracting(CompanySummary::id).contains(id);
        assertThat(companies.count(CompanyFilter.none().withSearch("chatillon-sur-seine").withDisp("DISP DIJON"))).isPositive();
        assertThat(companies.count(CompanyFilter.none().withSearch(plain).withDisp("DISP PARIS"))).isZero();
        assertThat(companies.search(new CompanyFilter("DISP DIJON", "21", Set.of(PipelineStage.PROSPECT), null, null, null, null, plain),
                PageRequest.of(0, 10, Sort.by("commune")))).extracting(CompanySummary::id).containsExactly(id);
        assertThatThrownBy(() -> companies.search(CompanyFilter.none(), PageRequest.of(0, 10, Sort.by("legal_name; drop table company"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithUserDetails("referent")
    void likelyDuplicatesShareTheSirenOrANameInTheDepartment() {
        String siret = SiretGenerator.random(RANDOM);
        long first = companies.create(draft(siret, "Recyclage Vert Bourgogne", "21"), CompanySource.MANUAL).id();

        assertThat(companies.findDuplicates(SiretGenerator.sameSiren(siret, RANDOM), "Autre nom", "58", null))
                .anySatisfy(d -> {
                    assertThat(d.id()).isEqualTo(first);
                    assertThat(d.sameSiren()).isTrue();
                });
        assertThat(companies.findDuplicates(SiretGenerator.random(RANDOM), "Recyclage Vert de Bourgogne", "21", null))
                .anySatisfy(d -> assertThat(d.id()).isEqualTo(first));
        assertThat(companies.findDuplicates(siret, "Recyclage Vert Bourgogne", "21", first)).noneMatch(d -> d.id() == first);
    }

    @Test
    @WithUserDetails("referent")
    void mergingKeepsContactsEngagementsInteractionsTasksAndHistory() {
        long kept = companies.create(new CompanyDraft(SiretGenerator.random(RANDOM), "Bâtiments Durand", null, null, null, null, null,
                null, "21", null, Set.of(), null), CompanySource.MANUAL).id();
        long duplicate = companies.create(new CompanyDraft(SiretGenerator.random(RANDOM), "Batiments Durand & Fils", "Durand BTP", "4120a",
                null, "3 rue du Port", "21000", "Dijon", "21", null, Set.of(CompanyLabel.PRODUIT_EN_PRISON), null), CompanySource.MANUAL).id();
        contacts.add(kept, new ContactDraft("Anne", "Durand", "Gérante", "anne@durand.fr", "06 12 34 56 78", true, EmailStatus.ACTIVE));
        contacts.add(duplicate, new ContactDraft("Paul", "Durand", "Chef de chantier", "paul@durand.fr", null, true, EmailStatus.ACTIVE));
        long establishment = jdbc.sql("select id from establishment where disp_code = 'DISP DIJON' order by id limit 1").query(Long.class).single();
        engagements.add(duplicate, new EngagementDraft(EngagementType.WORKSHOP, EngagementStatus.ACTIVE, Set.of(establishment),
                LocalDate.of(2026, 1, 5), null, 6, null, "Atelier de menuiserie"));
        activity.logInteraction(duplicate, new InteractionDraft(InteractionKind.MEETING, LocalDateTime.now().minusDays(2), null, "Rencontre sur chantier"));
        tasks.create(new TaskDraft("Rappeler Paul", LocalDate.now().plusDays(3), null, duplicate));
        companies.moveStage(duplicate, PipelineStage.CONTACTED, null);

        MergePreview preview = merges.preview(kept, duplicate);
        assertThat(preview.contacts()).isEqualTo(1);
        assertThat(preview.engagements()).isEqualTo(1);
        assertThat(preview.interactions()).isEqualTo(1);
        assertThat(preview.tasks()).isEqualTo(1);
        assertThat(preview.pipelineMoves()).isEqualTo(2);
        assertThat(preview.result().tradeName()).isEqualTo("Durand BTP");
        assertThat(preview.result().labels()).containsExactly(CompanyLabel.PRODUIT_EN_PRISON);
        assertThat(preview.filledFields()).contains("partner.field.trade-name", "partner.field.naf", "partner.field.commune");
        assertThat(companies.get(duplicate)).as("a preview changes nothing").isPresent();

        CompanyDetails merged = merges.merge(kept, duplicate);

        assertThat(companies.get(duplicate)).isEmpty();
        assertThat(merged.tradeName()).isEqualTo("Durand BTP");
        assertThat(merged.nafCode()).isEqualTo("41.20A");
        assertThat(contacts.ofCompany(kept)).extracting(ContactSummary::lastName, ContactSummary::primary)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Durand", true), org.assertj.core.groups.Tuple.tuple("Durand", false));
        assertThat(engagements.ofCompany(kept)).singleElement().satisfies(e -> assertThat(e.establishments()).hasSize(1));
        assertThat(tasks.ofCompany(kept)).extracting(TaskSummary::title).containsExactly("Rappeler Paul");
        assertThat(activity.timeline(kept)).anySatisfy(e -> assertThat(e.summary()).isEqualTo("Rencontre sur chantier"));
        assertThat(companies.pipelineHistory(kept)).hasSize(3);
        assertThat(history.history(kept)).as("the duplicate's own trail stays visible")
                .anySatisfy(h -> assertThat(h.subject()).isEqualTo("Batiments Durand & Fils"));
        String keptSiret = companies.require(kept).siret();
        String duplicateSiret = jdbc.sql("select siret from company_aud where id = :id limit 1").param("id", duplicate)
                .query(String.class).single();
        assertThat(history.history(kept)).as("moves between companies name them, even the one merged away")
                .anySatisfy(h -> assertThat(h.fields()).contains(new HistoryEntry.FieldChange("partner.field.company",
                        "Batiments Durand & Fils (" + duplicateSiret + ")", "Bâtiments Durand (" + keptSiret + ")")))
                .anySatisfy(h -> assertThat(h.fields()).anySatisfy(f -> assertThat(f.after()).contains("(" + keptSiret + ")")));
        assertThat(history.history(kept)).flatExtracting(HistoryEntry::fields)
                .filteredOn(f -> f.field().equals("partner.field.establishments") && f.after() != null)
                .allSatisfy(f -> assertThat(f.after()).doesNotMatch("[0-9, ]+"));
    }

    @Test
    @WithUserDetails("referent")
    void everyChangeToACompanyContactOrEngagementIsAuditedWithItsAuthor() {
        long id = companies.create(draft(SiretGenerator.random(RANDOM), "Restaurant Le Petit Marché", "21"), CompanySource.MANUAL).id();
        CompanyDetails details = companies.require(id);
        var changed = new CompanyDraft(details.siret(), details.legalName(), "Le Petit Marché", details.nafCode(), details.workforceBracket(),
                details.street(), details.postcode(), "Beaune", details.departmentCode(), details.website(), details.labels(), details.ownerId());
        companies.update(id, details.version(), changed);
        var contact = contacts.add(id, new ContactDraft("Léa", "Martin", "Cheffe", null, null, true, EmailStatus.ACTIVE));
        contacts.update(contact.id(), contact.version(), new ContactDraft("Léa", "Martin", "Gérante", null, null, true, EmailStatus.ACTIVE));

        var entries = history.history(id);
        assertThat(entries).allSatisfy(e -> assertThat(e.author()).isEqualTo("referent"));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.subjectType()).isEqualTo(HistoryEntry.Subject.COMPANY);
            assertThat(e.change()).isEqualTo(TimelineEntry.Change.UPDATED);
            assertThat(e.fields()).contains(new HistoryEntry.FieldChange("partner.field.commune", "Ville", "Beaune"),
                    new HistoryEntry.FieldChange("partner.field.trade-name", null, "Le Petit Marché"));
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.subjectType()).isEqualTo(HistoryEntry.Subject.CONTACT);
            assertThat(e.fields()).contains(new HistoryEntry.FieldChange("partner.field.job-title", "Cheffe", "Gérante"));
        });
        assertThatThrownBy(() -> companies.update(id, details.version(), changed))
                .as("an edit from a stale copy does not overwrite")
                .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.messageKey()).isEqualTo("partner.error.changed-meanwhile"));
    }

    @Test
    @WithUserDetails("referent")
    void anOptOutStaysForThatAddress() {
        long id = companies.create(draft(SiretGenerator.random(RANDOM), "Désinscrits SA", "21"), CompanySource.MANUAL).id();
        var contact = contacts.add(id, new ContactDraft("Jeanne", "Roux", null, "jeanne@roux.fr", null, true, EmailStatus.UNSUBSCRIBED));

        var same = contacts.update(contact.id(), contact.version(),
                new ContactDraft("Jeanne", "Roux", "Gérante", "jeanne@roux.fr", null, true, EmailStatus.ACTIVE));
        assertThat(same.emailStatus()).isEqualTo(EmailStatus.UNSUBSCRIBED);

        var newAddress = contacts.update(same.id(), same.version(),
                new ContactDraft("Jeanne", "Roux", "Gérante", "j.roux@roux.fr", null, true, EmailStatus.ACTIVE));
        assertThat(newAddress.emailStatus()).isEqualTo(EmailStatus.ACTIVE);
    }

    @Test
    @WithUserDetails("referent")
    void myTasksPutTheOverdueFirstAndCountTheOpenOnes() {
        long before = tasks.countMyOpen();
        var later = tasks.create(new TaskDraft("Relancer plus tard", LocalDate.now().plusDays(10), null, null));
        var overdue = tasks.create(new TaskDraft("Relance en retard", LocalDate.now().minusDays(2), null, null));
        assertThat(tasks.countMyOpen()).isEqualTo(before + 2);
        var mine = tasks.mine(false, PageRequest.of(0, 500));
        assertThat(mine.indexOf(mine.stream().filter(t -> t.id() == overdue.id()).findFirst().orElseThrow()))
                .isLessThan(mine.indexOf(mine.stream().filter(t -> t.id() == later.id()).findFirst().orElseThrow()));
        assertThat(mine.stream().filter(t -> t.id() == overdue.id()).findFirst().orElseThrow().overdue()).isTrue();

        tasks.complete(overdue.id());
        assertThat(tasks.countMyOpen()).isEqualTo(before + 1);
        assertThat(tasks.mine(false, PageRequest.of(0, 500))).noneMatch(t -> t.id() == overdue.id());
        assertThat(tasks.mine(true, PageRequest.of(0, 500))).anyMatch(t -> t.id() == overdue.id() && t.done());
    }

    private long count() {
        return jdbc.sql("select count(*) from company").query(Long.class).single();
    }

    private <T> T asAdmin(java.util.function.Supplier<T> action) {
        var saved = org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            var admin = userDetailsService.loadUserByUsername("admin");
            var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
            context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                    admin, null, admin.getAuthorities()));
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(saved);
        }
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetailsService;
}

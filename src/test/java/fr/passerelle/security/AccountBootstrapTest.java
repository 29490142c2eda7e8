package fr.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.IntegrationTest;
import fr.passerelle.base.DatabaseMode;
import fr.passerelle.base.Role;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.domain.AppUser;
import fr.passerelle.security.domain.AppUserRepository;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

@ExtendWith(OutputCaptureExtension.class)
class AccountBootstrapTest extends IntegrationTest {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ReferenceService reference;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** An empty account table, as on a first start (inside the test's transaction, rolled back after). */
    private void emptyAccounts() {
        jdbc.sql("update company set owner_id = null").update();
        jdbc.sql("delete from task").update();
        jdbc.sql("update workshop_space set referent_id = null").update();
        jdbc.sql("update workshop_interest set handled_by = null, handled_at = null, status = 'PENDING'").update();
        // Cohorts have a referent (and their participants' reads a reader): the demo cohorts go with the accounts.
        jdbc.sql("delete from participant").update();
        jdbc.sql("delete from cohort").update();
        // Campaigns, their segments and templates have an owner: the demo ones go with the accounts too.
        jdbc.sql("delete from campaign_state_change").update();
        jdbc.sql("delete from campaign").update();
        jdbc.sql("delete from campaign_template").update();
        jdbc.sql("delete from campaign_segment").update();
        users.deleteAll();
        users.flush();
    }

    @Test
    void theEmbeddedDefaultHasTheDocumentedDemoAccounts() {
        AppUser admin = users.findByUsername("admin").orElseThrow();
        AppUser referent = users.findByUsername("referent").orElseThrow();
        AppUser communication = users.findByUsername("communication").orElseThrow();

        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(referent.getRole()).isEqualTo(Role.REFERENT);
        assertThat(referent.getDispCode()).isEqualTo("DISP DIJON");
        assertThat(communication.getRole()).isEqualTo(Role.COMMUNICATION);
        for (AppUser demo : new AppUser[] {admin, referent, communication}) {
            assertThat(passwordEncoder.matches("passerelle-demo", demo.getPasswordHash())).as(demo.getUsername()).isTrue();
        }
    }

    @Test
    @Transactional
    void withoutDemoModeAFirstStartCreatesOneAdministratorAndLogsItsPasswordOnce(CapturedOutput output) {
        emptyAccounts();

        var bootstrap = new AccountBootstrap(users, passwordEncoder, reference, jdbc, new DatabaseMode(false, "external"), null);
        bootstrap.run(null);

        assertThat(users.findAll()).singleElement().satisfies(admin -> {
            assertThat(admin.getUsername()).isEqualTo("admin");
            assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
            assertThat(passwordEncoder.matches("passerelle-demo", admin.getPasswordHash())).isFalse();
        });
        var logged = Pattern.compile("password (\\S{19})").matcher(output.getOut());
        assertThat(logged.find()).as("the generated password is logged").isTrue();
        assertThat(passwordEncoder.matches(logged.group(1), users.findByUsername("admin").orElseThrow().getPasswordHash())).isTrue();

        bootstrap.run(null);
        assertThat(users.count()).as("a second start creates nobody and logs no password").isEqualTo(1);
        assertThat(output.getOut().split("password \\S{19}", -1)).hasSize(2);
    }

    @Test
    @Transactional
    void theDemoAccountsAreTheFirstDemoSeederNotTheStartupRunner() {
        emptyAccounts();
        users.save(new AppUser("someone", "Quelqu’un", "{noop}x", Role.ADMIN, null));
        var bootstrap = new AccountBootstrap(users, passwordEncoder, reference, jdbc, new DatabaseMode(false, "external"), true);

        bootstrap.run(null);
        assertThat(users.findByUsername("referent")).as("the runner creates no demo account").isEmpty();

        assertThat(bootstrap.order()).isEqualTo(100);
        assertThat(bootstrap.seed()).isEqualTo(3);
        assertThat(users.findByUsername("referent").orElseThrow().getDispCode()).isEqualTo("DISP DIJON");
        assertThat(bootstrap.seed()).as("a second run creates nobody").isZero();
        assertThat(users.count()).isEqualTo(4);
    }

    @Test
    @Transactional
    void inDemoModeAFirstStartLeavesTheAdministratorToTheDemoAccounts() {
        emptyAccounts();
        var bootstrap = new AccountBootstrap(users, passwordEncoder, reference, jdbc, new DatabaseMode(true, "embedded"), null);

        bootstrap.run(null);
        assertThat(users.count()).as("no generated administrator password in demo mode").isZero();

        bootstrap.seed();
        assertThat(passwordEncoder.matches("passerelle-demo", users.findByUsername("admin").orElseThrow().getPasswordHash())).isTrue();
    }
}

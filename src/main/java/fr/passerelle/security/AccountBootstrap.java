package fr.passerelle.security;

import fr.passerelle.base.DatabaseMode;
import fr.passerelle.base.DemoSeeder;
import fr.passerelle.base.Role;
import fr.passerelle.reference.DispSummary;
import fr.passerelle.reference.ReferenceService;
import fr.passerelle.security.domain.AppUser;
import fr.passerelle.security.domain.AppUserRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure someone can sign in. In demo mode (the embedded default, or {@code PASSERELLE_DEMO=true})
 * the documented demo accounts exist: they are the first {@link DemoSeeder} (order 100), so that the
 * other modules' demo data can name them. Otherwise a first start creates one administrator whose
 * generated password is logged once.
 */
@Component
class AccountBootstrap implements ApplicationRunner, DemoSeeder {

    static final String DEMO_PASSWORD = "passerelle-demo";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    /** Two instances starting together on one database create each demo account once. */
    private static final long LOCK_KEY = 0x4163_636f_756e_7473L;

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ReferenceService reference;
    private final JdbcClient jdbc;
    private final boolean demo;

    AccountBootstrap(AppUserRepository users, PasswordEncoder passwordEncoder, ReferenceService reference, JdbcClient jdbc,
                     DatabaseMode databaseMode, @Value("${passerelle.demo:#{null}}") @Nullable Boolean demo) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.reference = reference;
        this.jdbc = jdbc;
        this.demo = demo != null ? demo : databaseMode.embedded();
    }

    /** Without demo mode, the first administrator; in demo mode the demo accounts come from {@link #seed()}. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo && users.countByRoleAndEnabledTrue(Role.ADMIN) == 0 && users.count() == 0) {
            String password = PasswordGenerator.generate();
            users.save(new AppUser("admin", "Administrateur", passwordEncoder.encode(password), Role.ADMIN, null));
            log.warn("First start: created the administrator 'admin' with the password {} — keep it safe: it is not shown again (another administrator can reset it).", password);
        }
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String name() {
        return "demo accounts";
    }

    /** The documented demo accounts, those that do not exist yet. */
    @Override
    @Transactional
    public int seed() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Integer.class).single();
        int created = createDemoAccount("admin", "Administratrice démo", Role.ADMIN, null);
        created += createDemoAccount("referent", "Référent démo (Dijon)", Role.REFERENT, "DISP DIJON");
        created += createDemoAccount("communication", "Communication démo", Role.COMMUNICATION, null);
        return created;
    }

    private int createDemoAccount(String username, String displayName, Role role, @Nullable String dispCode) {
        if (dispCode != null && reference.disps().stream().map(DispSummary::code).noneMatch(dispCode::equals)) {
            log.warn("Demo account '{}' not created: {} is not in the reference data", username, dispCode);
            return 0;
        }
        if (users.existsByUsername(username)) {
            return 0;
        }
        var account = new AppUser(username, displayName, passwordEncoder.encode(DEMO_PASSWORD), role, dispCode);
        // An address on the demo domain: the notifications a referent receives land in the demo mailbox.
        account.setEmail(username + "@passerelle.local");
        users.save(account);
        log.info("Demo account '{}' ({}) created with the documented demo password", username, role);
        return 1;
    }
}

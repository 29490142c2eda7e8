package fr.passerelle.security;

import fr.passerelle.base.DatabaseMode;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure someone can sign in. In demo mode (the embedded default, or {@code PASSERELLE_DEMO=true})
 * the documented demo accounts exist; otherwise a first start creates one administrator whose
 * generated password is logged once.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    static final String DEMO_PASSWORD = "passerelle-demo";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ReferenceService reference;
    private final boolean demo;

    AccountBootstrap(AppUserRepository users, PasswordEncoder passwordEncoder, ReferenceService reference,
                     DatabaseMode databaseMode, @Value("${passerelle.demo:#{null}}") @Nullable Boolean demo) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.reference = reference;
        this.demo = demo != null ? demo : databaseMode.embedded();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demo) {
            createDemoAccount("admin", "Administratrice démo", Role.ADMIN, null);
            createDemoAccount("referent", "Référent démo (Dijon)", Role.REFERENT, "DISP DIJON");
            createDemoAccount("communication", "Communication démo", Role.COMMUNICATION, null);
        } else if (users.countByRoleAndEnabledTrue(Role.ADMIN) == 0 && users.count() == 0) {
            String password = PasswordGenerator.generate();
            users.save(new AppUser("admin", "Administrateur", passwordEncoder.encode(password), Role.ADMIN, null));
            log.warn("First start: created the administrator 'admin' with the password {} — keep it safe: it is not shown again (another administrator can reset it).", password);
        }
    }

    private void createDemoAccount(String username, String displayName, Role role, @Nullable String dispCode) {
        if (dispCode != null && reference.disps().stream().map(DispSummary::code).noneMatch(dispCode::equals)) {
            log.warn("Demo account '{}' not created: {} is not in the reference data", username, dispCode);
            return;
        }
        if (!users.existsByUsername(username)) {
            users.save(new AppUser(username, displayName, passwordEncoder.encode(DEMO_PASSWORD), role, dispCode));
            log.info("Demo account '{}' ({}) created with the documented demo password", username, role);
        }
    }
}

package fr.passerelle.security;

import fr.passerelle.base.CurrentUser;
import fr.passerelle.base.Role;
import fr.passerelle.base.Translations;
import fr.passerelle.base.UserProfiles;
import fr.passerelle.security.domain.AppUser;
import fr.passerelle.security.domain.AppUserRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: what administrators do with them, and what the shell needs of the signed-in one. */
@Service
@Transactional(readOnly = true)
public class UserAccountService implements UserProfiles {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,48}[a-z0-9]$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;

    UserAccountService(AppUserRepository users, PasswordEncoder passwordEncoder, CurrentUser currentUser) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Page<UserSummary> list(String search, @Nullable Role role, Pageable pageable) {
        return users.search(search.strip().toLowerCase(Locale.ROOT), role, pageable).map(UserAccountService::summary);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<UserSummary> get(long id) {
        return users.findById(id).map(UserAccountService::summary);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public CreatedUser create(UserDraft draft) {
        String username = draft.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new UserAccountException("username", "users.error.username-format");
        }
        if (users.existsByUsername(username)) {
            throw new UserAccountException("username", "users.error.username-taken");
        }
        validate(draft);
        String password = PasswordGenerator.generate();
        var account = new AppUser(username, draft.displayName().strip(), passwordEncoder.encode(password), draft.role(), draft.dispCode());
        account.setEmail(blankToNull(draft.email()));
        return new CreatedUser(summary(users.save(account)), password);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary update(long id, UserDraft draft) {
        validate(draft);
        AppUser account = require(id);
        if (isSelf(account) && draft.role() != Role.ADMIN) {
            throw new UserAccountException("role", "users.error.own-role");
        }
        account.setDisplayName(draft.displayName().strip());
        account.setEmail(blankToNull(draft.email()));
        account.assign(draft.role(), draft.dispCode());
        return summary(account);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary setEnabled(long id, boolean enabled) {
        AppUser account = require(id);
        if (!enabled && isSelf(account)) {
            throw new UserAccountException("enabled", "users.error.disable-self");
        }
        account.setEnabled(enabled);
        return summary(account);
    }

    /** Gives the account a new generated password, returned once so that it can be handed over. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public String resetPassword(long id) {
        AppUser account = require(id);
        String password = PasswordGenerator.generate();
        account.changePassword(passwordEncoder.encode(password));
        return password;
    }

    @Override
    public Optional<UserProfile> find(String username) {
        return users.findByUsername(username)
                .map(u -> new UserProfile(u.getUsername(), u.getDisplayName(), Translations.supported(Locale.forLanguageTag(u.getLocale()))));
    }

    @Override
    @Transactional
    public void saveLocale(String username, Locale locale) {
        if (!currentUser.find().map(u -> u.username().equals(username)).orElse(false)) {
            throw new UserAccountException("locale", "users.error.not-yours");
        }
        users.findByUsername(username).ifPresent(u -> u.setLocale(Translations.supported(locale).getLanguage()));
    }

    private void validate(UserDraft draft) {
        if (draft.displayName().isBlank()) {
            throw new UserAccountException("displayName", "users.error.display-name-required");
        }
        String email = blankToNull(draft.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new UserAccountException("email", "users.error.email-format");
        }
        if (draft.role() == Role.REFERENT && (draft.dispCode() == null || draft.dispCode().isBlank())) {
            throw new UserAccountException("dispCode", "users.error.disp-required");
        }
    }

    private AppUser require(long id) {
        return users.findById(id).orElseThrow(() -> new UserAccountException("id", "users.error.not-found"));
    }

    private boolean isSelf(AppUser account) {
        return currentUser.find().map(u -> u.username().equals(account.getUsername())).orElse(false);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static UserSummary summary(AppUser u) {
        return new UserSummary(u.getId() == null ? 0 : u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRole(),
                u.getDispCode(), u.isEnabled(), u.getCreatedAt());
    }
}

package fr.passerelle.security.domain;

import fr.passerelle.base.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false)
    private String displayName;

    private @Nullable String email;

    @Column(nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    private @Nullable String dispCode;

    private boolean enabled = true;

    @Column(nullable = false)
    private String locale = "fr";

    @Column(nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(nullable = false)
    private Instant passwordChangedAt = Instant.now();

    @Version
    private long version;

    protected AppUser() {
        this.username = "";
        this.displayName = "";
        this.passwordHash = "";
        this.role = Role.COMPANY;
    }

    public AppUser(String username, String displayName, String passwordHash, Role role, @Nullable String dispCode) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        assign(role, dispCode);
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = Instant.now();
    }

    public Role getRole() {
        return role;
    }

    /** A referent always has a DISP, the other roles never (the database checks it too). */
    public void assign(Role role, @Nullable String dispCode) {
        this.role = role;
        this.dispCode = role == Role.REFERENT ? dispCode : null;
    }

    public @Nullable String getDispCode() {
        return dispCode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

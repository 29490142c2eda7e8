package fr.passerelle.partner.domain;

import fr.passerelle.partner.EmailStatus;
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
import org.hibernate.annotations.Generated;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "contact")
@Audited
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long companyId;

    private @Nullable String firstName;

    @Column(nullable = false)
    private String lastName = "";

    private @Nullable String jobTitle;
    private @Nullable String email;
    private @Nullable String phone;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    // Read back after each write: the database blocks an opted-out address whatever was written (trigger, V36).
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @Generated(event = {EventType.INSERT, EventType.UPDATE}, writable = true)
    private EmailStatus emailStatus = EmailStatus.ACTIVE;

    @NotAudited
    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private @Nullable Instant createdAt;

    @Version
    private long version;

    protected Contact() {
    }

    public Contact(long companyId) {
        this.companyId = companyId;
    }

    public @Nullable Long getId() { return id; }
    public long getCompanyId() { return companyId; }
    public void moveToCompany(long companyId) { this.companyId = companyId; }
    public @Nullable String getFirstName() { return firstName; }
    public void setFirstName(@Nullable String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public @Nullable String getJobTitle() { return jobTitle; }
    public void setJobTitle(@Nullable String jobTitle) { this.jobTitle = jobTitle; }
    public @Nullable String getEmail() { return email; }
    public void setEmail(@Nullable String email) { this.email = email; }
    public @Nullable String getPhone() { return phone; }
    public void setPhone(@Nullable String phone) { this.phone = phone; }
    public boolean isPrimary() { return primary; }
    public void setPrimary(boolean primary) { this.primary = primary; }
    public EmailStatus getEmailStatus() { return emailStatus; }
    public void setEmailStatus(EmailStatus emailStatus) { this.emailStatus = emailStatus; }
    public long getVersion() { return version; }
}

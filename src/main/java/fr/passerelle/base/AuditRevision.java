package fr.passerelle.base;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.jspecify.annotations.Nullable;

/** One audited change set (a transaction), with the person who made it. */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_revision_seq")
    @SequenceGenerator(name = "audit_revision_seq", sequenceName = "audit_revision_seq", allocationSize = 1)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    private long timestamp;

    private @Nullable String username;

    public long getId() {
        return id;
    }

    public Instant getInstant() {
        return Instant.ofEpochMilli(timestamp);
    }

    public @Nullable String getUsername() {
        return username;
    }

    void setUsername(@Nullable String username) {
        this.username = username;
    }
}

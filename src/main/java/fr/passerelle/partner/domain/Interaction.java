package fr.passerelle.partner.domain;

import fr.passerelle.partner.InteractionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A call, meeting, establishment visit, e-mail or event with a company. */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InteractionKind kind = InteractionKind.CALL;

    @Column(nullable = false)
    private Instant occurredAt = Instant.now();

    private @Nullable Long contactId;

    @Column(nullable = false)
    private String summary = "";

    @Column(nullable = false)
    private String author = "";

    protected Interaction() {
    }

    public Interaction(long companyId, InteractionKind kind, Instant occurredAt, @Nullable Long contactId, String summary, String author) {
        this.companyId = companyId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.contactId = contactId;
        this.summary = summary;
        this.author = author;
    }

    public @Nullable Long getId() { return id; }
    public long getCompanyId() { return companyId; }
    public InteractionKind getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public @Nullable Long getContactId() { return contactId; }
    public String getSummary() { return summary; }
    public String getAuthor() { return author; }
}

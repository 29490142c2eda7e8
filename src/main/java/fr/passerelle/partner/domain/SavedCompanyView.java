package fr.passerelle.partner.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A person's named set of company filters ("mes prospects en Côte-d’Or"). */
@Entity
@Table(name = "saved_company_view")
public class SavedCompanyView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long ownerId;

    @Column(nullable = false)
    private String name = "";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String filter = "{}";

    protected SavedCompanyView() {
    }

    public SavedCompanyView(long ownerId, String name, String filter) {
        this.ownerId = ownerId;
        this.name = name;
        this.filter = filter;
    }

    public @Nullable Long getId() { return id; }
    public long getOwnerId() { return ownerId; }
    public String getName() { return name; }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
}

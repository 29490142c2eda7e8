package fr.passerelle.cohort.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A training programme ("Un métier, une Chance") whose cohorts are its promotions. Audited. */
@Entity
@Table(name = "programme")
@Audited
public class Programme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private String title = "";

    private @Nullable String description;
    private @Nullable Integer candidatesPerPromotion;
    private @Nullable Integer durationWeeks;

    /** {@link fr.passerelle.cohort.Sector} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] sectors = new String[0];

    private boolean onePromotionPerYear;

    @Version
    private long version;

    public @Nullable Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public @Nullable String getDescription() { return description; }
    public void setDescription(@Nullable String description) { this.description = description; }
    public @Nullable Integer getCandidatesPerPromotion() { return candidatesPerPromotion; }
    public void setCandidatesPerPromotion(@Nullable Integer candidates) { this.candidatesPerPromotion = candidates; }
    public @Nullable Integer getDurationWeeks() { return durationWeeks; }
    public void setDurationWeeks(@Nullable Integer durationWeeks) { this.durationWeeks = durationWeeks; }
    public String[] getSectors() { return sectors.clone(); }
    public void setSectors(String[] sectors) { this.sectors = sectors.clone(); }
    public boolean isOnePromotionPerYear() { return onePromotionPerYear; }
    public void setOnePromotionPerYear(boolean rule) { this.onePromotionPerYear = rule; }
    public long getVersion() { return version; }
}

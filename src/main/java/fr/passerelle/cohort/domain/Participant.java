package fr.passerelle.cohort.domain;

import fr.passerelle.cohort.Outcome;
import fr.passerelle.cohort.ParticipantState;
import fr.passerelle.offer.ContractType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A pseudonymous member of a cohort: the SPIP's code, never a name, a birth date, a prison number, an offence or a
 * sentence. Audited.
 */
@Entity
@Table(name = "participant")
@Audited
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private long cohortId;

    @Column(nullable = false)
    private String code = "";

    /** The first day of the expected release month. */
    private @Nullable LocalDate releaseMonth;
    private @Nullable String returnDepartmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ParticipantState state = ParticipantState.ENROLLED;

    private @Nullable String dropReason;
    private boolean certificationObtained;

    @Enumerated(EnumType.STRING)
    private @Nullable Outcome releaseOutcome;
    @Enumerated(EnumType.STRING)
    private @Nullable ContractType releaseContractType;
    private @Nullable Long releaseOfferId;
    private @Nullable Long releaseCompanyId;

    @Enumerated(EnumType.STRING)
    private @Nullable Outcome sixMonthOutcome;
    @Enumerated(EnumType.STRING)
    private @Nullable ContractType sixMonthContractType;
    private @Nullable Long sixMonthOfferId;
    private @Nullable Long sixMonthCompanyId;

    private @Nullable String note;

    @Version
    private long version;

    protected Participant() {
    }

    public Participant(long cohortId) {
        this.cohortId = cohortId;
    }

    public @Nullable Long getId() { return id; }
    public long getCohortId() { return cohortId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public @Nullable LocalDate getReleaseMonth() { return releaseMonth; }
    public void setReleaseMonth(@Nullable LocalDate releaseMonth) { this.releaseMonth = releaseMonth; }
    public @Nullable String getReturnDepartmentCode() { return returnDepartmentCode; }
    public void setReturnDepartmentCode(@Nullable String code) { this.returnDepartmentCode = code; }
    public ParticipantState getState() { return state; }
    public @Nullable String getDropReason() { return dropReason; }
    public boolean isCertificationObtained() { return certificationObtained; }
    public void setCertificationObtained(boolean obtained) { this.certificationObtained = obtained; }
    public @Nullable String getNote() { return note; }
    public void setNote(@Nullable String note) { this.note = note; }
    public long getVersion() { return version; }

    public void moveTo(ParticipantState target, @Nullable String reason) {
        this.state = target;
        this.dropReason = target == ParticipantState.DROPPED ? reason : null;
    }

    public void recordAtRelease(@Nullable Outcome outcome, @Nullable ContractType contract, @Nullable Long offerId, @Nullable Long companyId) {
        releaseOutcome = outcome;
        releaseContractType = contract;
        releaseOfferId = offerId;
        releaseCompanyId = companyId;
    }

    /** A merged duplicate company's hires move to the company kept. */
    public void moveCompany(long mergedId, long keptId) {
        if (releaseCompanyId != null && releaseCompanyId == mergedId) {
            releaseCompanyId = keptId;
        }
        if (sixMonthCompanyId != null && sixMonthCompanyId == mergedId) {
            sixMonthCompanyId = keptId;
        }
    }

    public void recordAfterSixMonths(@Nullable Outcome outcome, @Nullable ContractType contract, @Nullable Long offerId,
                                     @Nullable Long companyId) {
        sixMonthOutcome = outcome;
        sixMonthContractType = contract;
        sixMonthOfferId = offerId;
        sixMonthCompanyId = companyId;
    }
}

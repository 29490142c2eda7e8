package fr.passerelle.offer.ui;

import fr.passerelle.offer.ContractType;
import fr.passerelle.offer.OfferDraft;
import fr.passerelle.offer.OfferType;
import fr.passerelle.partner.ContactSummary;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.EstablishmentSummary;
import fr.passerelle.reference.RomeJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the offer form edits, as the fields hold it; {@link #toDraft} turns it into what the service checks. */
final class OfferFormBean {

    private @Nullable CompanyChoice company;
    private @Nullable OfferType type = OfferType.POST_RELEASE_JOB;
    private @Nullable RomeJob rome;
    private String title = "";
    private String description = "";
    private @Nullable Integer positions = 1;
    private @Nullable ContractType contractType;
    private @Nullable Double hoursPerWeek;
    private String commune = "";
    private @Nullable DepartmentSummary department;
    private Set<EstablishmentSummary> establishments = new HashSet<>();
    private @Nullable LocalDate startDate;
    private @Nullable LocalDate endDate;
    private @Nullable ContactSummary contact;

    OfferDraft toDraft() {
        return new OfferDraft(company == null ? 0 : company.id(), type, rome == null ? null : rome.code(), title, description,
                positions, contractType, hoursPerWeek == null ? null : BigDecimal.valueOf(hoursPerWeek), commune,
                department == null ? null : department.code(),
                establishments.stream().map(EstablishmentSummary::id).collect(Collectors.toSet()), startDate, endDate,
                contact == null ? null : contact.id());
    }

    @Nullable CompanyChoice getCompany() { return company; }
    void setCompany(@Nullable CompanyChoice company) { this.company = company; }
    @Nullable OfferType getType() { return type; }
    void setType(@Nullable OfferType type) { this.type = type; }
    @Nullable RomeJob getRome() { return rome; }
    void setRome(@Nullable RomeJob rome) { this.rome = rome; }
    String getTitle() { return title; }
    void setTitle(@Nullable String title) { this.title = title == null ? "" : title; }
    String getDescription() { return description; }
    void setDescription(@Nullable String description) { this.description = description == null ? "" : description; }
    @Nullable Integer getPositions() { return positions; }
    void setPositions(@Nullable Integer positions) { this.positions = positions; }
    @Nullable ContractType getContractType() { return contractType; }
    void setContractType(@Nullable ContractType contractType) { this.contractType = contractType; }
    @Nullable Double getHoursPerWeek() { return hoursPerWeek; }
    void setHoursPerWeek(@Nullable Double hoursPerWeek) { this.hoursPerWeek = hoursPerWeek; }
    String getCommune() { return commune; }
    void setCommune(@Nullable String commune) { this.commune = commune == null ? "" : commune; }
    @Nullable DepartmentSummary getDepartment() { return department; }
    void setDepartment(@Nullable DepartmentSummary department) { this.department = department; }
    Set<EstablishmentSummary> getEstablishments() { return Set.copyOf(establishments); }
    void setEstablishments(@Nullable Set<EstablishmentSummary> establishments) {
        this.establishments = establishments == null ? new HashSet<>() : new HashSet<>(establishments);
    }
    @Nullable LocalDate getStartDate() { return startDate; }
    void setStartDate(@Nullable LocalDate startDate) { this.startDate = startDate; }
    @Nullable LocalDate getEndDate() { return endDate; }
    void setEndDate(@Nullable LocalDate endDate) { this.endDate = endDate; }
    @Nullable ContactSummary getContact() { return contact; }
    void setContact(@Nullable ContactSummary contact) { this.contact = contact; }
}

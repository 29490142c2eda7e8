package fr.passerelle.partner.ui;

import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyDraft;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.PartnerKind;
import fr.passerelle.partner.WorkforceBracket;
import fr.passerelle.reference.DepartmentSummary;
import fr.passerelle.reference.NafSubClass;
import fr.passerelle.security.StaffMember;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the company form edits, as the fields hold it; becomes a {@link CompanyDraft} to save. */
final class CompanyFormBean {

    private PartnerKind kind = PartnerKind.COMPANY;
    private String siret = "";
    private String legalName = "";
    private String tradeName = "";
    private @Nullable NafSubClass naf;
    private @Nullable WorkforceBracket workforceBracket;
    private String street = "";
    private String postcode = "";
    private String commune = "";
    private @Nullable DepartmentSummary department;
    private String website = "";
    private Set<CompanyLabel> labels = EnumSet.noneOf(CompanyLabel.class);
    private @Nullable StaffMember owner;

    /** The values of a company being edited, with the reference rows its codes stand for. */
    void fill(CompanyDetails company, @Nullable NafSubClass nafSubClass, @Nullable DepartmentSummary departmentSummary,
              @Nullable StaffMember referent) {
        kind = company.kind();
        siret = company.siret() == null ? "" : CompanyDisplay.siret(company.siret());
        legalName = company.legalName();
        tradeName = orEmpty(company.tradeName());
        naf = nafSubClass;
        workforceBracket = company.workforceBracket();
        street = orEmpty(company.street());
        postcode = orEmpty(company.postcode());
        commune = orEmpty(company.commune());
        department = departmentSummary;
        website = orEmpty(company.website());
        setLabels(company.labels());
        owner = referent;
    }

    CompanyDraft toDraft() {
        return new CompanyDraft(siret, legalName, tradeName, naf == null ? null : naf.code(), workforceBracket, street, postcode,
                commune, department == null ? null : department.code(), website, labels, owner == null ? null : owner.id(), kind);
    }

    PartnerKind getKind() {
        return kind;
    }

    void setKind(@Nullable PartnerKind kind) {
        this.kind = kind == null ? PartnerKind.COMPANY : kind;
    }

    String getSiret() {
        return siret;
    }

    void setSiret(@Nullable String siret) {
        this.siret = orEmpty(siret);
    }

    String getLegalName() {
        return legalName;
    }

    void setLegalName(@Nullable String legalName) {
        this.legalName = orEmpty(legalName);
    }

    String getTradeName() {
        return tradeName;
    }

    void setTradeName(@Nullable String tradeName) {
        this.tradeName = orEmpty(tradeName);
    }

    @Nullable NafSubClass getNaf() {
        return naf;
    }

    void setNaf(@Nullable NafSubClass naf) {
        this.naf = naf;
    }

    @Nullable WorkforceBracket getWorkforceBracket() {
        return workforceBracket;
    }

    void setWorkforceBracket(@Nullable WorkforceBracket workforceBracket) {
        this.workforceBracket = workforceBracket;
    }

    String getStreet() {
        return street;
    }

    void setStreet(@Nullable String street) {
        this.street = orEmpty(street);
    }

    String getPostcode() {
        return postcode;
    }

    void setPostcode(@Nullable String postcode) {
        this.postcode = orEmpty(postcode);
    }

    String getCommune() {
        return commune;
    }

    void setCommune(@Nullable String commune) {
        this.commune = orEmpty(commune);
    }

    @Nullable DepartmentSummary getDepartment() {
        return department;
    }

    void setDepartment(@Nullable DepartmentSummary department) {
        this.department = department;
    }

    String getWebsite() {
        return website;
    }

    void setWebsite(@Nullable String website) {
        this.website = orEmpty(website);
    }

    Set<CompanyLabel> getLabels() {
        return labels;
    }

    void setLabels(@Nullable Set<CompanyLabel> labels) {
        this.labels = labels == null || labels.isEmpty() ? EnumSet.noneOf(CompanyLabel.class) : EnumSet.copyOf(labels);
    }

    @Nullable StaffMember getOwner() {
        return owner;
    }

    void setOwner(@Nullable StaffMember owner) {
        this.owner = owner;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}

package fr.passerelle.partner;

/** A named set of company filters belonging to one person. */
public record SavedView(long id, String name, CompanyFilter filter) {
}

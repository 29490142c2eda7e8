package fr.passerelle.workshop;

/** A region of the public catalogue's filter, with how many public spaces it has. */
public record CatalogueRegion(String code, String name, long spaces) {
}

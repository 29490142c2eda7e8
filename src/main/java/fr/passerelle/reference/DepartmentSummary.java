package fr.passerelle.reference;

/** A French department (e.g. {@code 21} Côte-d'Or), with its region and the DISP it belongs to. */
public record DepartmentSummary(String code, String name, String regionCode, String regionName, String dispCode) {
}

package fr.passerelle.reference;

/** A NAF rév. 2 sub-class (the APE code of a company), e.g. {@code 42.21Z}, with its division and section. */
public record NafSubClass(String code, String label, String divisionCode, String divisionLabel,
                          String sectionCode, String sectionLabel) {
}

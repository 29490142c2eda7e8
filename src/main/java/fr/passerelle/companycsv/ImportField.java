package fr.passerelle.companycsv;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a column of an imported file can fill, with the headers that name it in the files people
 * really have (French and English; compared without accents, case or punctuation). The export writes
 * the first header of each, so an exported file comes back in unchanged.
 */
public enum ImportField {
    SIRET(false, "SIRET", "N° SIRET", "Numéro SIRET", "Siret établissement"),
    LEGAL_NAME(false, "Raison sociale", "Dénomination", "Dénomination sociale", "Nom de l’entreprise", "Entreprise", "Société",
            "Legal name", "Company", "Company name"),
    TRADE_NAME(false, "Enseigne", "Nom commercial", "Trade name"),
    NAF_CODE(false, "Code NAF", "NAF", "Code APE", "APE", "Activité principale", "NAF code"),
    WORKFORCE_BRACKET(false, "Tranche d’effectif", "Tranche effectif", "Tranche d’effectif salarié", "Workforce bracket"),
    STREET(false, "Adresse", "Rue", "Voie", "Adresse postale", "Address", "Street"),
    POSTCODE(false, "Code postal", "CP", "Postcode", "Zip", "Postal code"),
    COMMUNE(false, "Commune", "Ville", "Localité", "Town", "City"),
    DEPARTMENT(false, "Département", "Code département", "Dept", "Department"),
    WEBSITE(false, "Site web", "Site internet", "Site", "Website", "URL"),
    LABELS(false, "Labels", "Label"),
    CONTACT_FIRST_NAME(true, "Prénom", "Prénom du contact", "First name", "Contact first name"),
    CONTACT_LAST_NAME(true, "Nom", "Nom du contact", "Last name", "Contact last name", "Contact"),
    CONTACT_JOB_TITLE(true, "Fonction", "Fonction du contact", "Poste", "Job title", "Title"),
    CONTACT_EMAIL(true, "E-mail", "E-mail du contact", "Email", "Courriel", "Adresse e-mail", "Mail", "Contact email"),
    CONTACT_PHONE(true, "Téléphone", "Téléphone du contact", "Tél", "Tel", "Portable", "Mobile", "Phone", "Contact phone");

    private final boolean contact;
    private final List<String> headers;

    ImportField(boolean contact, String... headers) {
        this.contact = contact;
        this.headers = List.of(headers);
    }

    /** Whether the field belongs to the row's contact rather than its company. */
    public boolean contact() {
        return contact;
    }

    /** The header the export writes. */
    public String header() {
        return headers.getFirst();
    }

    public String translationKey() {
        return "import.field." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The field a header names, if any: "RAISON SOCIALE", "raison_sociale" and "Raison sociale " all name LEGAL_NAME. */
    public static Optional<ImportField> ofHeader(String header) {
        String key = headerKey(header);
        return Stream.of(values()).filter(f -> f.headers.stream().anyMatch(h -> headerKey(h).equals(key))).findFirst();
    }

    /** A header as compared: no accents, no case, letters and digits only ("N° SIRET" → "nsiret"). */
    public static String headerKey(String header) {
        String decomposed = Normalizer.normalize(header.replace('œ', 'o').replace('Œ', 'O'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}

package fr.passerelle.sirene.internal;

import fr.passerelle.sirene.RegisteredEstablishment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code etablissement} object of {@code GET /siret/{siret}} (API Sirene 3.11): the
 * establishment's own fields, its {@code uniteLegale}, {@code adresseEtablissement} and
 * {@code periodesEtablissement}, the current period being the one without {@code dateFin}.
 */
final class EstablishmentReader {

    /** What INSEE writes in place of a field withheld from a partially diffusible unit. */
    static final String WITHHELD = "[ND]";
    private static final Set<String> NOT_DIFFUSIBLE = Set.of("P", "N");
    private static final Pattern NAF_REV2 = Pattern.compile("[0-9]{2}\\.?[0-9]{2}[A-Z]");

    RegisteredEstablishment read(JsonNode establishment) {
        JsonNode unit = establishment.path("uniteLegale");
        JsonNode address = establishment.path("adresseEtablissement");
        JsonNode period = currentPeriod(establishment.path("periodesEtablissement"));
        String siret = text(establishment, "siret");
        if (siret == null) {
            throw new IllegalArgumentException("The establishment has no siret");
        }
        String siren = text(establishment, "siren");
        boolean diffusible = "O".equals(text(establishment, "statutDiffusionEtablissement"))
                && !NOT_DIFFUSIBLE.contains(String.valueOf(text(unit, "statutDiffusionUniteLegale")));
        String naf = naf(text(period, "activitePrincipaleEtablissement"));
        return new RegisteredEstablishment(siret, siren != null ? siren : siret.substring(0, 9),
                diffusible ? legalName(unit) : null,
                diffusible ? firstOf(text(period, "denominationUsuelleEtablissement"), text(period, "enseigne1Etablissement")) : null,
                naf != null ? naf : naf(text(unit, "activitePrincipaleUniteLegale")),
                text(establishment, "trancheEffectifsEtablissement"),
                diffusible ? joined(text(address, "numeroVoieEtablissement"), text(address, "indiceRepetitionEtablissement"),
                        text(address, "typeVoieEtablissement"), text(address, "libelleVoieEtablissement")) : null,
                text(address, "codePostalEtablissement"),
                text(address, "libelleCommuneEtablissement"),
                text(address, "codeCommuneEtablissement"),
                text(unit, "categorieJuridiqueUniteLegale"),
                date(text(establishment, "dateCreationEtablissement")),
                "A".equals(text(period, "etatAdministratifEtablissement"))
                        && !"C".equals(text(unit, "etatAdministratifUniteLegale")),
                flag(establishment.path("etablissementSiege")),
                diffusible);
    }

    /** The period still running ({@code dateFin} null); INSEE lists the most recent first. */
    private static JsonNode currentPeriod(JsonNode periods) {
        for (JsonNode period : periods.values()) {
            if (period.path("dateFin").isNull() || period.path("dateFin").isMissingNode()) {
                return period;
            }
        }
        return periods.path(0);
    }

    /** A company's name; for a person, first name and name (the usual ones when given). */
    private static @Nullable String legalName(JsonNode unit) {
        String denomination = text(unit, "denominationUniteLegale");
        if (denomination != null) {
            return denomination;
        }
        return joined(firstOf(text(unit, "prenomUsuelUniteLegale"), text(unit, "prenom1UniteLegale")),
                firstOf(text(unit, "nomUsageUniteLegale"), text(unit, "nomUniteLegale")));
    }

    /** NAF rev. 2 as "42.21Z"; a code of an older nomenclature ("17.1P") is left out rather than mistaken for one. */
    private static @Nullable String naf(@Nullable String code) {
        if (code == null || !NAF_REV2.matcher(code).matches()) {
            return null;
        }
        String compact = code.replace(".", "");
        return compact.substring(0, 2) + "." + compact.substring(2);
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean flag(JsonNode node) {
        return node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asString(""));
    }

    /** A field's text, stripped; null when absent, null, empty or withheld. */
    static @Nullable String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isString() && !node.isNumber()) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() || WITHHELD.equals(value.toUpperCase(Locale.ROOT)) ? null : value;
    }

    private static @Nullable String firstOf(@Nullable String first, @Nullable String second) {
        return first != null ? first : second;
    }

    private static @Nullable String joined(@Nullable String... parts) {
        String joined = Stream.of(parts).filter(part -> part != null).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}

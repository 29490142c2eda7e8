package fr.passerelle.sirene;

import fr.passerelle.partner.WorkforceBracket;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An establishment as the Sirene register knows it today (its current period). When it is not
 * diffusible ({@code diffusible == false}: the company asked for partial diffusion), the register
 * withholds its name and street, and so does this record; what is left (activity, workforce, commune,
 * whether it is active) is public by law, but the portal still shows nothing about it
 * ({@link SiretLookup#publicView()}).
 *
 * @param siret               14 digits
 * @param siren               the 9 digits of its legal unit
 * @param legalName           the legal unit's name ({@code denominationUniteLegale}), or first name and
 *                            name for a person (entreprise individuelle); null when not diffusible
 * @param tradeName           the establishment's own usual name or sign, if any; null when not diffusible
 * @param nafCode             the establishment's main activity in NAF rev. 2 form, "42.21Z"
 * @param workforceBracketCode INSEE's workforce bracket code ("12" = 20 to 49 employees, "NN" = none)
 * @param street              number, type and name of the street, as INSEE writes it ("12 RUE DE LA LIBERTE")
 * @param postcode            5 digits
 * @param commune             the commune's name ("DIJON")
 * @param communeCode         the commune's INSEE code ("21231")
 * @param legalCategoryCode   the legal unit's legal category ("5710" SAS, "1000" entrepreneur individuel)
 * @param creationDate        when the establishment was created
 * @param active              the establishment is open (état administratif "A") and its legal unit has not ceased
 * @param headOffice          it is the legal unit's head office (siège)
 * @param diffusible          its details may be shown ({@code statutDiffusionEtablissement} "O")
 */
public record RegisteredEstablishment(String siret, String siren, @Nullable String legalName, @Nullable String tradeName,
                                      @Nullable String nafCode, @Nullable String workforceBracketCode,
                                      @Nullable String street, @Nullable String postcode, @Nullable String commune,
                                      @Nullable String communeCode, @Nullable String legalCategoryCode,
                                      @Nullable LocalDate creationDate, boolean active, boolean headOffice,
                                      boolean diffusible) {

    /** The legal category of an entrepreneur individuel: a person, whose name is the company's name. */
    public static final String INDIVIDUAL_ENTREPRENEUR = "1000";

    /** The workforce bracket as the partner module records it. */
    public Optional<WorkforceBracket> workforceBracket() {
        return workforceBracketCode == null ? Optional.empty() : WorkforceBracket.ofCode(workforceBracketCode);
    }

    public boolean individualEntrepreneur() {
        return INDIVIDUAL_ENTREPRENEUR.equals(legalCategoryCode);
    }
}

/**
 * The company register: look-ups of an establishment by its SIRET in INSEE's Sirene API, to prefill
 * a company's details and to tell whether it is still active. {@link fr.passerelle.sirene.CompanyRegister}
 * is the way in; without an API key it answers "off" and makes no request.
 */
@NullMarked
package fr.passerelle.sirene;

import org.jspecify.annotations.NullMarked;

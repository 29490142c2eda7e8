/**
 * Ports through which other modules add to the company page without partner knowing them: extra tabs,
 * lines of the activity timeline, entries of the history. Modules that depend on partner implement them
 * as Spring beans; the page asks for every bean at each visit.
 */
@NullMarked
@NamedInterface("company-page")
package fr.passerelle.partner.companypage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

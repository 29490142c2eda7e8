/** The campaign results' read model: SQL over the tables other modules document for reading (decision record 024). */
@NullMarked
package fr.passerelle.campaignresults.internal;

import org.jspecify.annotations.NullMarked;

/** The workshop catalogue: the spaces establishments offer to companies' workshops, and companies' requests about them. */
@NullMarked
package fr.passerelle.workshop;

import org.jspecify.annotations.NullMarked;

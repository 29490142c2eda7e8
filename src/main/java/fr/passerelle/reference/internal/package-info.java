/** Loading the published reference files into the database; not part of the module's API. */
@NullMarked
package fr.passerelle.reference.internal;

import org.jspecify.annotations.NullMarked;

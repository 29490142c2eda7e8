/** The partner module's internals: the demo data set of the embedded default. */
@NullMarked
package fr.passerelle.partner.internal;

import org.jspecify.annotations.NullMarked;

/** The Sirene module's internals: the HTTP client, the reading of the API's JSON and the cache of recent answers. */
@NullMarked
package fr.passerelle.sirene.internal;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.offer.internal;

import org.jspecify.annotations.NullMarked;

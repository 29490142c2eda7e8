@NullMarked
package fr.passerelle.optout.internal;

import org.jspecify.annotations.NullMarked;

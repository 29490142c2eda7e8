@NullMarked
package fr.passerelle.workshop.internal;

import org.jspecify.annotations.NullMarked;

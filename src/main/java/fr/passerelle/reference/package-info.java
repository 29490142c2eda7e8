@NullMarked
package fr.passerelle.reference;

import org.jspecify.annotations.NullMarked;

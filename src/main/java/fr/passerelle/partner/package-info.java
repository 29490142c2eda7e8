@NullMarked
package fr.passerelle.partner;

import org.jspecify.annotations.NullMarked;

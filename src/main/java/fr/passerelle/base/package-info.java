@NullMarked
package fr.passerelle.base;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle;

import org.jspecify.annotations.NullMarked;

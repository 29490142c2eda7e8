@NullMarked
package fr.passerelle.mail;

import org.jspecify.annotations.NullMarked;

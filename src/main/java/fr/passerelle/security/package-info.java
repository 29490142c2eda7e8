@NullMarked
package fr.passerelle.security;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.security.domain;

import org.jspecify.annotations.NullMarked;

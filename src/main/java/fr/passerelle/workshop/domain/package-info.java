@NullMarked
package fr.passerelle.workshop.domain;

import org.jspecify.annotations.NullMarked;

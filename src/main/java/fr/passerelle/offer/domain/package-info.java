@NullMarked
package fr.passerelle.offer.domain;

import org.jspecify.annotations.NullMarked;

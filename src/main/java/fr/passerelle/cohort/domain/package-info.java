@NullMarked
package fr.passerelle.cohort.domain;

import org.jspecify.annotations.NullMarked;

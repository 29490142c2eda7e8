@NullMarked
package fr.passerelle.cohort.internal;

import org.jspecify.annotations.NullMarked;

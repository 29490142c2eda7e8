@NullMarked
package fr.passerelle.cohort.ui;

import org.jspecify.annotations.NullMarked;

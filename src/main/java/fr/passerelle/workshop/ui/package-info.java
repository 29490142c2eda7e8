@NullMarked
package fr.passerelle.workshop.ui;

import org.jspecify.annotations.NullMarked;

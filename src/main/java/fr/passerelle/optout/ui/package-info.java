@NullMarked
package fr.passerelle.optout.ui;

import org.jspecify.annotations.NullMarked;

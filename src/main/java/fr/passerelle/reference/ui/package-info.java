@NullMarked
package fr.passerelle.reference.ui;

import org.jspecify.annotations.NullMarked;

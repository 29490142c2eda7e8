@NullMarked
package fr.passerelle.offer.ui;

import org.jspecify.annotations.NullMarked;

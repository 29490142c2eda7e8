@NullMarked
package fr.passerelle.partner.ui;

import org.jspecify.annotations.NullMarked;

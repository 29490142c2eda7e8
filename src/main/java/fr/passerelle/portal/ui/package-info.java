@NullMarked
package fr.passerelle.portal.ui;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.security.ui;

import org.jspecify.annotations.NullMarked;

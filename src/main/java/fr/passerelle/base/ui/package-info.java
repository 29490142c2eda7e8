@NullMarked
package fr.passerelle.base.ui;

import org.jspecify.annotations.NullMarked;

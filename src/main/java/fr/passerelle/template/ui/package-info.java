@NullMarked
package fr.passerelle.template.ui;

import org.jspecify.annotations.NullMarked;

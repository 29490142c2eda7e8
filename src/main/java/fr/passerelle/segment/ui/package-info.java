@NullMarked
package fr.passerelle.segment.ui;

import org.jspecify.annotations.NullMarked;

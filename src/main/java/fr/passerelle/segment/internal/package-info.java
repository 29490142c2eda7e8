@NullMarked
package fr.passerelle.segment.internal;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.portal.internal;

import org.jspecify.annotations.NullMarked;

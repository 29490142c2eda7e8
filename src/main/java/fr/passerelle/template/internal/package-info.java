@NullMarked
package fr.passerelle.template.internal;

import org.jspecify.annotations.NullMarked;

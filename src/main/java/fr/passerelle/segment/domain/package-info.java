@NullMarked
package fr.passerelle.segment.domain;

import org.jspecify.annotations.NullMarked;

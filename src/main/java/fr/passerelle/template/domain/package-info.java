@NullMarked
package fr.passerelle.template.domain;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.partner.domain;

import org.jspecify.annotations.NullMarked;

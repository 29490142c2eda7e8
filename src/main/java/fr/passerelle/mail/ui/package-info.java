@NullMarked
package fr.passerelle.mail.ui;

import org.jspecify.annotations.NullMarked;

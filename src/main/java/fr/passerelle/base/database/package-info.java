@NullMarked
package fr.passerelle.base.database;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.companycsv;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.companycsv.ui;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.campaign.ui;

import org.jspecify.annotations.NullMarked;

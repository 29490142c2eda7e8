@NullMarked
package fr.passerelle.campaign.internal;

import org.jspecify.annotations.NullMarked;

@NullMarked
package fr.passerelle.campaign.domain;

import org.jspecify.annotations.NullMarked;

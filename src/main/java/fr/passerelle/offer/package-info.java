/** Offers: what companies offer (workshop jobs, subcontracting, jobs at release, apprenticeships), their lifecycle and audit trail. */
@NullMarked
package fr.passerelle.offer;

import org.jspecify.annotations.NullMarked;

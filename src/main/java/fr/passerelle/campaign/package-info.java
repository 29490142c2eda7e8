/**
 * Awareness campaigns (issue 12): segments (saved filters over partner companies and their contacts, with a live
 * count and the exclusions it made) and templates (Mustache merge fields, escaped, with the sender's identity and the
 * opt-out footer always added). Decision record 022.
 */
@NullMarked
package fr.passerelle.campaign;

import org.jspecify.annotations.NullMarked;

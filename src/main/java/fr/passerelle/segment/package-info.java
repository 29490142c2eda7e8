/**
 * Segments (issue 12): saved filters over partner companies and their contacts, with a live count and the exclusions
 * it made (no address, unsubscribed, bounced, on the opt-out list). Decision records 022 and 025. People make and read
 * them through {@link fr.passerelle.segment.SegmentService}; {@link fr.passerelle.segment.SegmentRecipients} hands a
 * filter's addresses out in keyset batches to a module that sends (the campaign's fan-out). The SQL reads the partner
 * and offer tables and optout's {@code mail_opt_out} read only, as a reporting read model.
 */
@NullMarked
package fr.passerelle.segment;

import org.jspecify.annotations.NullMarked;

package fr.passerelle.optout;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A blocked address, as stored in {@code mail_opt_out}.
 *
 * @param address the normalised address (trimmed, lower case)
 * @param softBounces the temporary failures counted before it was blocked (3 for {@link OptOutReason#SOFT_BOUNCES})
 * @param source where the blocking event came from ({@code campaign:42}, {@code page}, {@code bounces})
 * @param detail a bounce's status code ({@code 5.1.1}) or a complaint's feedback type ({@code abuse})
 */
public record OptOut(String address, OptOutReason reason, int softBounces, Instant firstEventAt, Instant lastEventAt,
                     @Nullable String source, @Nullable String detail) {
}

/** Which SMTP server the application uses, the embedded one, and how caught messages are read. */
@NullMarked
package fr.passerelle.mail.internal;

import org.jspecify.annotations.NullMarked;

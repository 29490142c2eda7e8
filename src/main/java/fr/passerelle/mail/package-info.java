/**
 * Sending e-mail for every module, over real SMTP. With no {@code spring.mail.host}, an in-process
 * SMTP server catches what the application sends, and administrators read it in the Mailbox view.
 */
@NullMarked
package fr.passerelle.mail;

import org.jspecify.annotations.NullMarked;

/**
 * The public portal for companies ({@code /portail}): what a company can do with the prison network, sign-in by
 * e-mailed link for company accounts, and the protections every public form shares (rate limits, honeypot, length
 * limits, a public error page). Other modules create company accounts through {@link fr.passerelle.portal.CompanyAccountService}.
 */
@NullMarked
package fr.passerelle.portal;

import org.jspecify.annotations.NullMarked;

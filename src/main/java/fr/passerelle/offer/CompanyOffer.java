package fr.passerelle.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One of its offers as a company sees it in its space on the portal: what it offers, where it stands, and for an
 * open offer the last day it stays open unless extended.
 *
 * @param place         the commune and department, or the target establishments' names
 * @param lastOpenDay   for an open offer, the last day (Paris) before it expires: its end date, or 90 days after the
 *                      company's last update, whichever comes first; null in any other state
 * @param version       the version the company started from, for {@link CompanyOfferService#changePositions}
 */
public record CompanyOffer(long id, OfferType type, String romeCode, String romeLabel, String title,
                           @Nullable String description, int positions, ContractType contractType,
                           @Nullable BigDecimal hoursPerWeek, String place, LocalDate startDate, @Nullable LocalDate endDate,
                           OfferStatus status, @Nullable RejectionReason rejectionReason, @Nullable String rejectionText,
                           @Nullable LocalDate lastOpenDay, Instant createdAt, long version) {
}

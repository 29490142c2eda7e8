package fr.passerelle.partner;

import org.jspecify.annotations.Nullable;

/** A contact as typed; the phone may be in any usual French format. */
public record ContactDraft(@Nullable String firstName, String lastName, @Nullable String jobTitle, @Nullable String email,
                           @Nullable String phone, boolean primary, EmailStatus emailStatus) {
}

package fr.passerelle.security;

/** A new account and its first password, shown once to the administrator who must pass it on. */
public record CreatedUser(UserSummary user, String temporaryPassword) {
}

package fr.passerelle.reference;

/** A kind of prison establishment: {@code MA} maison d'arrêt, {@code CP} centre pénitentiaire, … */
public record EstablishmentType(String code, String label) {
}

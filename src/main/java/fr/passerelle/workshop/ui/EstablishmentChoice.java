package fr.passerelle.workshop.ui;

/** An establishment as the space form's picker shows it. */
record EstablishmentChoice(long id, String name, String dispCode) {
}

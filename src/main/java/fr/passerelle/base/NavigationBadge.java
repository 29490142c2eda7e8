package fr.passerelle.base;

import java.util.OptionalLong;

/**
 * A number the side navigation shows beside one of its entries, such as the signed-in person's open
 * tasks beside "Mes tâches". A module implements it as a bean; the shell asks every such bean, so it
 * shows the numbers without depending on the modules. After a change in the user interface, a view
 * asks the shell to read the numbers again with {@code NavigationBadges.refresh()}
 * (in {@code base.ui.component}); the shell also reads them on each navigation.
 */
public interface NavigationBadge {

    /** The route of the menu entry, as written in its {@code @Route} (e.g. {@code mes-taches}). */
    String path();

    /**
     * The number for the signed-in person; empty for people the entry is not meant for. Empty and
     * zero show no badge. Must not throw for a signed-in person of any role.
     */
    OptionalLong count();

    /** Translation key of what the number means, with the number as {@code {0}}; read by screen readers. */
    String descriptionKey();
}

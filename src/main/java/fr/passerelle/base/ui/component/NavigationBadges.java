package fr.passerelle.base.ui.component;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Tells the shell that a number in the side navigation may have changed (a task done or created), so
 * that it asks the {@link fr.passerelle.base.NavigationBadge} beans again. The event goes through the
 * current UI: a view fires it without knowing the shell, and the shell listens without knowing the view.
 */
public final class NavigationBadges {

    private NavigationBadges() {
    }

    /** Fired on a UI when the numbers of its navigation should be read again. */
    public static final class ChangedEvent extends ComponentEvent<UI> {
        ChangedEvent(UI ui) {
            super(ui, false);
        }
    }

    public static void refresh() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.fireEvent(ui, new ChangedEvent(ui));
        }
    }

    public static Registration addChangeListener(UI ui, ComponentEventListener<ChangedEvent> listener) {
        return ComponentUtil.addListener(ui, ChangedEvent.class, listener);
    }
}

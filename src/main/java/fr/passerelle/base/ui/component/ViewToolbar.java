package fr.passerelle.base.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The row of filters and actions above a list; wraps on narrow screens. */
public final class ViewToolbar extends Composite<HorizontalLayout> {

    public ViewToolbar(Component... components) {
        var layout = getContent();
        layout.addClassName("view-toolbar");
        layout.setWidthFull();
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.setWrap(true);
        layout.add(components);
    }

    public void add(Component... components) {
        getContent().add(components);
    }
}

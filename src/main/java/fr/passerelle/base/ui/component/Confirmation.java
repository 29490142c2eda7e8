package fr.passerelle.base.ui.component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before a destructive or irreversible action. */
public final class Confirmation {

    private Confirmation() {
    }

    public static ConfirmDialog ask(String header, String text, String confirmLabel, Runnable onConfirm) {
        var ui = UI.getCurrent();
        var dialog = new ConfirmDialog(header, text, confirmLabel, event -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText(ui.getTranslation("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
        return dialog;
    }
}

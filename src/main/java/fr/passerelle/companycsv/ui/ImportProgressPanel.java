package fr.passerelle.companycsv.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import fr.passerelle.companycsv.ImportProgress;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The import page's running step: what the import is doing (read out to screen readers), a bar that fills
 * phase by phase, and the cancel button. The page polls while it shows; {@link #stop} ends both.
 */
class ImportProgressPanel extends Div {

    private static final int POLL_MS = 300;
    private static final int PHASES = ImportProgress.Phase.values().length;

    private final Span text = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    ImportProgressPanel() {
        addClassName("import-progress");
        text.getElement().setAttribute("aria-live", "polite");
        cancel.setText(getTranslation("import.cancel"));
        cancel.addClickListener(e -> cancelled.set(true));
        add(text, bar, cancel);
    }

    /**
     * Shows the bar, undetermined, under the given text and starts polling. The returned progress may be
     * updated from the import's thread; it reports cancelled once the button was pressed.
     */
    ImportProgress start(UI ui, String textKey) {
        cancelled.set(false);
        bar.setVisible(true);
        bar.setIndeterminate(true);
        text.setText(getTranslation(textKey));
        cancel.setEnabled(true);
        ui.setPollInterval(POLL_MS);
        return new ImportProgress() {
            @Override
            public void update(Phase phase, long done, long total) {
                ui.access(() -> {
                    bar.setIndeterminate(false);
                    bar.setValue(Math.min(1, (phase.ordinal() + (double) done / Math.max(1, total)) / PHASES));
                    text.setText(getTranslation("import.progress." + phase.name().toLowerCase(Locale.ROOT)));
                });
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
    }

    /** Stops polling, hides the bar and leaves the message in its place. */
    void stop(UI ui, String message) {
        ui.setPollInterval(-1);
        bar.setVisible(false);
        cancel.setEnabled(false);
        text.setText(message);
    }
}

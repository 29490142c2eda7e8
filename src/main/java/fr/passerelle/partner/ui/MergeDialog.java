package fr.passerelle.partner.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.partner.CompanyDetails;
import fr.passerelle.partner.CompanyLabel;
import fr.passerelle.partner.CompanyMergeService;
import fr.passerelle.partner.MergePreview;
import fr.passerelle.partner.PartnerException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Merges two companies after showing what will happen: which one is kept (the person chooses), both
 * side by side with the resulting fields (those filled from the duplicate marked), and how many
 * contacts, engagements, interactions, tasks and pipeline moves will move. The merge is confirmed
 * (it cannot be undone), then the kept company is opened.
 */
final class MergeDialog extends Dialog {

    private final CompanyMergeService merges;
    private final Consumer<CompanyDetails> onMerged;
    private final RadioButtonGroup<CompanyDetails> keptChoice = new RadioButtonGroup<>();
    private final Div preview = new Div();
    private final Button merge = new Button();
    private @Nullable MergePreview current;

    /**
     * @param firstId  the company proposed as the one kept (the person can swap)
     * @param secondId the other one
     * @param onMerged called with the kept company once merged, before it is opened
     */
    MergeDialog(CompanyMergeService merges, long firstId, long secondId, Consumer<CompanyDetails> onMerged) {
        this.merges = merges;
        this.onMerged = onMerged;
        addClassName("merge-dialog");
        setHeaderTitle(getTranslation("companies.merge.title"));
        setWidth("min(64rem, 96vw)");
        preview.addClassName("merge-preview");

        keptChoice.setLabel(getTranslation("companies.merge.kept"));
        keptChoice.setItemLabelGenerator(c -> c.siret() == null ? c.legalName() : c.legalName() + " — " + CompanyDisplay.siret(c.siret()));
        keptChoice.addValueChangeListener(e -> {
            CompanyDetails kept = e.getValue();
            if (kept != null && current != null && kept.id() != current.kept().id()) {
                load(kept.id(), current.kept().id());
            }
        });
        add(keptChoice, preview);

        merge.setText(getTranslation("companies.merge.confirm"));
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        merge.addClickListener(e -> confirm());
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), merge);

        if (load(firstId, secondId)) {
            keptChoice.setItems(Objects.requireNonNull(current).kept(), current.merged());
            keptChoice.setValue(current.kept());
        } else {
            keptChoice.setVisible(false);
        }
    }

    /** Shows the preview of keeping {@code keptId}; false when it cannot be shown (the reason is shown instead). */
    private boolean load(long keptId, long mergedId) {
        preview.removeAll();
        try {
            current = merges.preview(keptId, mergedId);
        } catch (AccessDeniedException e) {
            return refuse(getTranslation("companies.merge.denied"));
        } catch (PartnerException e) {
            return refuse(getTranslation(e.messageKey(), e.arguments()));
        }
        preview.add(counts(current), comparison(current));
        merge.setEnabled(true);
        return true;
    }

    private boolean refuse(String message) {
        current = null;
        var refusal = new Paragraph(message);
        refusal.addClassName("form-access-message");
        refusal.getElement().setAttribute("role", "alert");
        preview.add(refusal);
        merge.setEnabled(false);
        return false;
    }

    private NativeTable comparison(MergePreview p) {
        var table = new NativeTable();
        table.addClassName("merge-comparison");
        var header = new NativeTableRow();
        header.add(new NativeTableHeaderCell(getTranslation("companies.merge.field")),
                new NativeTableHeaderCell(getTranslation("companies.merge.column.kept", p.kept().legalName())),
                new NativeTableHeaderCell(getTranslation("companies.merge.column.merged", p.merged().legalName())),
                new NativeTableHeaderCell(getTranslation("companies.merge.column.result")));
        table.getHead().addRows(header);
        var body = table.getBody();
        body.addRows(
                row(p, "partner.field.kind", c -> getTranslation(c.kind().translationKey())),
                row(p, "partner.field.siret", c -> CompanyDisplay.siret(c.siret())),
                row(p, "partner.field.legal-name", CompanyDetails::legalName),
                row(p, "partner.field.trade-name", CompanyDetails::tradeName),
                row(p, "partner.field.naf", c -> c.nafCode() == null ? null : c.nafCode() + " — " + c.nafLabel()),
                row(p, "partner.field.workforce", c -> c.workforceBracket() == null ? null : getTranslation(c.workforceBracket().translationKey())),
                row(p, "partner.field.street", CompanyDetails::street),
                row(p, "partner.field.postcode", CompanyDetails::postcode),
                row(p, "partner.field.commune", CompanyDetails::commune),
                row(p, "partner.field.department", c -> c.departmentCode() + " – " + c.departmentName()),
                row(p, "partner.field.website", CompanyDetails::website),
                row(p, "partner.field.labels", c -> labels(c.labels())),
                row(p, "partner.field.owner", CompanyDetails::ownerName),
                row(p, "partner.field.stage", c -> getTranslation(c.stage().translationKey())));
        return table;
    }

    /** One field: the kept value, the duplicate's, and the result (the duplicate's when it fills an empty field). */
    private NativeTableRow row(MergePreview p, String fieldKey, Function<CompanyDetails, @Nullable String> value) {
        boolean filled = p.filledFields().contains(fieldKey);
        String result = fieldKey.equals("partner.field.labels") ? labels(p.result().labels())
                : filled ? value.apply(p.merged()) : value.apply(p.kept());
        var resultCell = new NativeTableCell(text(result));
        if (filled) {
            resultCell.addClassName("filled-from-duplicate");
            var note = new Span(getTranslation("companies.merge.filled"));
            note.getElement().getThemeList().add("badge success small");
            resultCell.add(note);
        }
        var row = new NativeTableRow();
        row.add(new NativeTableHeaderCell(getTranslation(fieldKey)), new NativeTableCell(text(value.apply(p.kept()))),
                new NativeTableCell(text(value.apply(p.merged()))), resultCell);
        row.getElement().setAttribute("data-field", fieldKey);
        return row;
    }

    private String labels(Set<CompanyLabel> labels) {
        return labels.stream().map(l -> getTranslation(l.translationKey())).sorted().collect(Collectors.joining(", "));
    }

    private String text(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private Div counts(MergePreview p) {
        var list = new UnorderedList(
                new ListItem(getTranslation("companies.merge.count.contacts", p.contacts())),
                new ListItem(getTranslation("companies.merge.count.engagements", p.engagements())),
                new ListItem(getTranslation("companies.merge.count.interactions", p.interactions())),
                new ListItem(getTranslation("companies.merge.count.tasks", p.tasks())),
                new ListItem(getTranslation("companies.merge.count.pipeline-moves", p.pipelineMoves())));
        list.addClassName("merge-counts");
        var box = new Div(new H3(getTranslation("companies.merge.moves", p.kept().legalName())), list,
                new Paragraph(getTranslation("companies.merge.deleted", p.merged().legalName())),
                new H3(getTranslation("companies.merge.fields")));
        box.addClassName("merge-summary");
        return box;
    }

    private void confirm() {
        MergePreview p = current;
        if (p == null) {
            return;
        }
        Confirmation.ask(getTranslation("companies.merge.confirm.title"),
                getTranslation("companies.merge.confirm.text", p.merged().legalName(), p.kept().legalName()),
                getTranslation("companies.merge.confirm"), () -> doMerge(p));
    }

    private void doMerge(MergePreview p) {
        try {
            CompanyDetails kept = merges.merge(p.kept().id(), p.merged().id());
            close();
            Notifications.success(getTranslation("companies.merge.done", p.merged().legalName(), kept.legalName()));
            onMerged.accept(kept);
            UI.getCurrent().navigate("entreprises/" + kept.id());
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("companies.merge.denied"));
        } catch (PartnerException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }
}

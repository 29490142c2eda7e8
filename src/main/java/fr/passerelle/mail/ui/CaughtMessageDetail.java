package fr.passerelle.mail.ui;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.mail.CaughtMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The selected message: its headers, then its text with line breaks kept. */
class CaughtMessageDetail extends Section {

    CaughtMessageDetail() {
        addClassName("detail-panel");
        setAriaLabel(getTranslation("mailbox.detail"));
        show(null);
    }

    void show(@Nullable CaughtMessage message) {
        removeAll();
        if (message == null) {
            var hint = new Paragraph(getTranslation("mailbox.detail.none"));
            hint.addClassName("empty-state");
            add(hint);
            return;
        }
        var subject = new H2(message.subject().isBlank() ? getTranslation("mailbox.no-subject") : message.subject());
        subject.addClassName("mail-subject");

        var headers = new DescriptionList();
        headers.addClassName("mail-headers");
        header(headers, "mailbox.from", message.from() == null ? List.of() : List.of(message.from()));
        header(headers, "mailbox.to", message.to());
        header(headers, "mailbox.cc", message.cc());
        header(headers, "mailbox.reply-to", message.replyTo() == null ? List.of() : List.of(message.replyTo()));
        header(headers, "mailbox.received-at", List.of(DisplayFormats.dateTime(message.receivedAt())));
        header(headers, "mailbox.attachments", message.attachments());
        add(subject, headers);

        if (message.hasHtml()) {
            var note = new Paragraph(getTranslation("mailbox.detail.html"));
            note.addClassName("mail-note");
            add(note);
        }
        var body = new Div(message.text());
        body.addClassName("mail-body");
        body.getElement().setAttribute("role", "document");
        body.getElement().setAttribute("aria-label", getTranslation("mailbox.detail.body"));
        add(body);
    }

    private void header(DescriptionList list, String key, List<String> values) {
        if (!values.isEmpty()) {
            list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(String.join(", ", values)));
        }
    }
}

package fr.passerelle.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.passerelle.base.DisplayFormats;
import fr.passerelle.base.Role;
import fr.passerelle.base.ui.component.Confirmation;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.base.ui.component.ViewToolbar;
import fr.passerelle.mail.CaughtMailbox;
import fr.passerelle.mail.CaughtMessage;
import fr.passerelle.mail.MailServerInfo;
import fr.passerelle.mail.MailService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Administrators read what the embedded SMTP server caught, and send themselves a test message to
 * check mail end to end. With an external SMTP server, the view says where mail goes instead.
 */
@Route("boite-mail")
@Menu(order = 95, title = "nav.mailbox", icon = "vaadin:envelope")
@RolesAllowed(Role.ADMIN_NAME)
class MailboxView extends Main implements HasDynamicTitle {

    private final MailService mail;
    private final @Nullable CaughtMailbox mailbox;
    private final Grid<CaughtMessage> grid = new Grid<>(CaughtMessage.class, false);
    private final CaughtMessageDetail detail = new CaughtMessageDetail();
    private final Span count = new Span();

    MailboxView(MailService mail, ObjectProvider<CaughtMailbox> mailbox) {
        this.mail = mail;
        this.mailbox = mailbox.getIfAvailable();
        addClassNames("list-view", "mailbox-view");
        setSizeFull();

        var send = new Button(getTranslation("mailbox.send-test"), VaadinIcon.PAPERPLANE.create(), e -> openTestDialog());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        MailServerInfo server = mail.server();
        if (this.mailbox == null) {
            var intro = new Paragraph(getTranslation("mailbox.external.intro", server.address()));
            intro.addClassName("mail-server-note");
            add(intro, new Paragraph(getTranslation("mailbox.external.test")), new ViewToolbar(send));
        } else {
            showCaughtMail(this.mailbox, server, send);
        }
    }

    private void showCaughtMail(CaughtMailbox mailbox, MailServerInfo server, Button send) {
        var intro = new Paragraph(getTranslation("mailbox.embedded.intro", server.address()));
        intro.addClassName("mail-server-note");

        var refresh = new Button(getTranslation("mailbox.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        var clear = new Button(getTranslation("mailbox.clear"), VaadinIcon.TRASH.create(), e -> confirmClear(mailbox));
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        count.addClassName("mailbox-count");
        count.getElement().setAttribute("aria-live", "polite");

        configureGrid(mailbox);
        var split = new SplitLayout(grid, detail);
        split.addClassName("mailbox-split");
        split.setSplitterPosition(55);
        split.setWidthFull();

        add(intro, new ViewToolbar(send, refresh, clear, count), split);
        updateCount();
    }

    private void configureGrid(CaughtMailbox mailbox) {
        grid.addColumn(m -> DisplayFormats.dateTime(m.receivedAt())).setHeader(getTranslation("mailbox.received-at"))
                .setKey("receivedAt").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.from() == null ? "" : m.from()).setHeader(getTranslation("mailbox.from")).setKey("from").setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.to())).setHeader(getTranslation("mailbox.to")).setKey("to").setAutoWidth(true);
        grid.addColumn(m -> m.subject().isBlank() ? getTranslation("mailbox.no-subject") : m.subject())
                .setHeader(getTranslation("mailbox.subject")).setKey("subject").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("mailbox.grid"));
        grid.setEmptyStateText(getTranslation("mailbox.empty"));
        grid.setSizeFull();
        grid.setItems(new CallbackDataProvider<>(
                query -> mailbox.list(query.getOffset(), query.getLimit()).stream(),
                query -> mailbox.count(),
                CaughtMessage::id));
        grid.asSingleSelect().addValueChangeListener(e -> detail.show(e.getValue()));
    }

    private void openTestDialog() {
        new TestMailDialog(mail, this::refresh).open();
    }

    private void confirmClear(CaughtMailbox mailbox) {
        Confirmation.ask(getTranslation("mailbox.clear.confirm.title"), getTranslation("mailbox.clear.confirm.text"),
                getTranslation("mailbox.clear"), () -> {
                    mailbox.clear();
                    grid.deselectAll();
                    refresh();
                    Notifications.success(getTranslation("mailbox.cleared"));
                });
    }

    private void refresh() {
        if (mailbox == null) {
            return;
        }
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        if (mailbox != null) {
            count.setText(getTranslation("mailbox.count", mailbox.count()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mailbox.title");
    }
}

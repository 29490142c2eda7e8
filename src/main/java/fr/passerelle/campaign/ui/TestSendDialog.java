package fr.passerelle.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import fr.passerelle.base.ui.component.FieldErrors;
import fr.passerelle.base.ui.component.Notifications;
import fr.passerelle.campaign.CampaignException;
import fr.passerelle.campaign.CampaignService;
import fr.passerelle.campaign.ContactOption;
import fr.passerelle.campaign.TemplateService;

/** Sends the campaign's message to oneself, rendered for a contact chosen, or with example values. */
class TestSendDialog extends Dialog {

    final ComboBox<ContactOption> contact = new ComboBox<>();
    final Button send = new Button();

    TestSendDialog(CampaignService campaigns, TemplateService templates, long campaignId) {
        setHeaderTitle(getTranslation("campaignsend.test.title"));
        var errors = new FieldErrors<>(this, CampaignException.class, "campaign.error.not-allowed");
        contact.setLabel(getTranslation("campaignsend.test.contact"));
        contact.setHelperText(getTranslation("campaignsend.test.contact.help"));
        contact.setItems(query -> templates.contacts(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                query -> templates.countContacts(query.getFilter().orElse("")));
        contact.setItemLabelGenerator(ContactOption::label);
        contact.setClearButtonVisible(true);
        contact.setWidthFull();
        errors.bind("contact", contact);
        send.setText(getTranslation("campaignsend.test.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> errors.attempt(() -> {
            String address = campaigns.testSend(campaignId, contact.getValue() == null ? null : contact.getValue().id());
            Notifications.success(getTranslation("campaignsend.test.sent", address));
            close();
        }));
        add(new Paragraph(getTranslation("campaignsend.test.text")), contact);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), send);
        setWidth("36em");
    }
}

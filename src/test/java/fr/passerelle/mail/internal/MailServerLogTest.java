package fr.passerelle.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.mail.MailServerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class MailServerLogTest {

    @Test
    void theStartUpLogSaysWhereMailGoes(CapturedOutput output) {
        new MailServerLog(MailServerInfo.embedded("127.0.0.1", 2525)).started();
        new MailServerLog(new MailServerInfo(false, "smtp.exemple.fr", 587, "passerelle", true)).started();

        assertThat(output).contains("SMTP server in use: embedded SMTP server (GreenMail) on 127.0.0.1:2525 — nothing leaves this machine");
        assertThat(output).contains("SMTP server in use: SMTP server smtp.exemple.fr:587 as user passerelle, STARTTLS");
    }

    @Test
    void aServerWithoutPortOrUserIsDescribedPlainly() {
        assertThat(new MailServerInfo(false, "relais.justice.fr", -1, null, false).description())
                .isEqualTo("SMTP server relais.justice.fr without authentication");
    }
}

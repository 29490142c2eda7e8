package fr.passerelle.mail.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.passerelle.mail.CaughtMailbox;
import fr.passerelle.mail.MailServerInfo;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The zero-setup default: with no {@code spring.mail.host}, Passerelle runs its own SMTP server
 * (GreenMail, SMTP only, on the loopback interface) and sends to it over real SMTP, so the demo
 * sends real mail that administrators read in the Mailbox view. Messages stay in memory and are
 * gone after a restart. Boot's mail auto-configuration stays off: it needs the host.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMailHostCondition.class)
class EmbeddedSmtpConfiguration {

    static final String HOST = "127.0.0.1";

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtpServer(@Value("${passerelle.mail.embedded-port:0}") int port) {
        var setup = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP);
        // GreenMail binds port 0 itself and reports the port it got once started.
        return new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail embeddedSmtpServer) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(HOST);
        sender.setPort(embeddedSmtpServer.getSmtp().getPort());
        sender.setProtocol("smtp");
        sender.setDefaultEncoding("UTF-8");
        var properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.setProperty("mail.smtp.writetimeout", "10000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    @Bean
    MailServerInfo mailServerInfo(GreenMail embeddedSmtpServer) {
        return MailServerInfo.embedded(HOST, embeddedSmtpServer.getSmtp().getPort());
    }

    @Bean
    CaughtMailbox caughtMailbox(GreenMail embeddedSmtpServer) {
        return new GreenMailMailbox(embeddedSmtpServer);
    }
}

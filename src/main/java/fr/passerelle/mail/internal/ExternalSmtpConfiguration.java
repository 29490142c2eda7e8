package fr.passerelle.mail.internal;

import fr.passerelle.mail.MailServerInfo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * An external SMTP server given by the standard {@code spring.mail.*} settings; Boot's
 * auto-configuration builds the {@code JavaMailSender} from them.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MailHostCondition.class)
class ExternalSmtpConfiguration {

    @Bean
    MailServerInfo mailServerInfo(Environment env) {
        String username = env.getProperty("spring.mail.username");
        return new MailServerInfo(false,
                env.getRequiredProperty("spring.mail.host").strip(),
                env.getProperty("spring.mail.port", Integer.class, -1),
                StringUtils.hasText(username) ? username.strip() : null,
                env.getProperty("spring.mail.properties.mail.smtp.starttls.enable", Boolean.class, false));
    }
}

package fr.passerelle.mail.internal;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when an external SMTP server is configured: the complement of {@link NoMailHostCondition}. */
class MailHostCondition extends NoMailHostCondition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}

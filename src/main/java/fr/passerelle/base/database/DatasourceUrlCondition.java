package fr.passerelle.base.database;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when an external database is configured: the complement of {@link NoDatasourceUrlCondition}. */
class DatasourceUrlCondition extends NoDatasourceUrlCondition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !super.matches(context, metadata);
    }
}

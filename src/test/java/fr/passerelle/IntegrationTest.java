package fr.passerelle;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the tests that need the application: a real Spring context on a throw-away embedded
 * PostgreSQL with the migrations and reference data applied, and the in-process SMTP server. Tests
 * that extend it without changing the configuration share one context, which keeps the suite fast.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestExecutionListeners(listeners = IntegrationTest.SecurityStrategyListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class IntegrationTest {

    /**
     * Vaadin's security set-up replaces the static security-context strategy per Spring context, and
     * the last context started wins; with several cached contexts a test would then see the wrong
     * one. Each test gets the strategy of its own context back.
     */
    static class SecurityStrategyListener implements TestExecutionListener, org.springframework.core.Ordered {

        /** Before Spring Security's own listener, which then puts {@code @WithUserDetails} users into the right strategy. */
        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public void beforeTestMethod(TestContext testContext) {
            var context = testContext.getApplicationContext();
            context.getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }

        @Override
        public void afterTestMethod(TestContext testContext) {
            SecurityContextHolder.clearContext();
        }
    }
}

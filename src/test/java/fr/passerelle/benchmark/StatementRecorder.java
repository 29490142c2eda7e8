package fr.passerelle.benchmark;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the prepared statements (SQL and parameters) that a service runs while {@link #record} runs a
 * call, so that a benchmark can replay them under EXPLAIN. A benchmark imports {@link Recording}, which
 * wraps the application's DataSource.
 */
public final class StatementRecorder {

    /** The one recorder the wrapped DataSource reports to. */
    public static final StatementRecorder RECORDER = new StatementRecorder();

    /** Wraps the application's DataSource so that the benchmark can replay a service's SQL under EXPLAIN. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource source ? RECORDER.wrap(source) : bean;
                }
            };
        }
    }

    record Parameter(Method setter, Object[] arguments) {
    }

    public record Recorded(String sql, List<Parameter> parameters) {
        public void replay(PreparedStatement statement) throws Exception {
            for (Parameter parameter : parameters) {
                parameter.setter().invoke(statement, parameter.arguments());
            }
        }
    }

    private volatile @Nullable List<Recorded> recording;

    private StatementRecorder() {
    }

    public List<Recorded> record(Supplier<?> call) {
        List<Recorded> recorded = new ArrayList<>();
        recording = recorded;
        try {
            call.get();
        } finally {
            recording = null;
        }
        return recorded;
    }

    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class, Closeable.class},
                delegate(target, (method, result, arguments) -> method.getName().equals("getConnection")
                        ? connection((Connection) result) : result));
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                delegate(target, (method, result, arguments) -> {
                    List<Recorded> recorded = recording;
                    if (recorded != null && method.getName().equals("prepareStatement") && arguments != null
                            && arguments[0] instanceof String sql) {
                        var statement = new Recorded(sql, new ArrayList<>());
                        recorded.add(statement);
                        return statement((PreparedStatement) result, statement);
                    }
                    return result;
                }));
    }

    private PreparedStatement statement(PreparedStatement target, Recorded recorded) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                delegate(target, (method, result, arguments) -> {
                    if (method.getName().startsWith("set") && arguments != null && arguments.length >= 2
                            && arguments[0] instanceof Integer) {
                        recorded.parameters().add(new Parameter(method, arguments.clone()));
                    }
                    return result;
                }));
    }

    private interface AfterCall {
        @Nullable Object apply(Method method, @Nullable Object result, Object @Nullable [] arguments) throws Exception;
    }

    private static InvocationHandler delegate(Object target, AfterCall after) {
        return (proxy, method, arguments) -> {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == arguments[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0 && target instanceof AutoCloseable closeable) {
                closeable.close();
                return null;
            }
            Object result;
            try {
                result = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, result, arguments);
        };
    }
}

package com.agentfactory.recommendation.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQL statements a call runs on the calling thread, through the application's own connection pool to the real
 * database: statements of other threads (listeners, schedules, the web server) are not counted.
 */
@TestComponent
public class StatementLog implements BeanPostProcessor {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** The statements {@code call} ran on this thread, in order. */
    public List<String> of(Runnable call) {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            call.run();
        } finally {
            RECORDING.remove();
        }
        return statements;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Recording) ? new Recording(dataSource) : bean;
    }

    private static void record(String sql) {
        List<String> statements = RECORDING.get();
        if (statements != null) {
            statements.add(sql);
        }
    }

    private static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return recording(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return recording(super.getConnection(username, password));
        }
    }

    private static Connection recording(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                    && args[0] instanceof String sql) {
                record(sql);
            }
            Object result = invoke(method, connection, args);
            return result instanceof Statement statement && method.getName().equals("createStatement")
                    ? recording(statement)
                    : result;
        });
    }

    private static Statement recording(Statement statement) {
        return proxy(Statement.class, statement, (method, args) -> {
            if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
                record(sql);
            }
            return invoke(method, statement, args);
        });
    }

    private interface Call {
        Object on(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> call.on(method, args)));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

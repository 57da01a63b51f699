package dev.inlet.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import javax.sql.DataSource;

/**
 * For the kill test: before every write (executeBatch, executeUpdate, commit) the child prints
 * {@code op <n> <method>} and waits for a line on standard input, so the parent can kill it exactly between
 * any two writes, e.g. after a page's rows and before its state.
 */
final class SteppedDataSource {

    private static final Set<String> WRITES = Set.of("executeBatch", "executeUpdate", "commit");
    private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    private static int ops;

    private SteppedDataSource() {
    }

    static DataSource wrap(DataSource target, PrintStream out) {
        return (DataSource) Proxy.newProxyInstance(SteppedDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? proxy(Connection.class, c, out) : result;
                });
    }

    private static <T> T proxy(Class<T> type, T target, PrintStream out) {
        return type.cast(Proxy.newProxyInstance(SteppedDataSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) {
                        step(method.getName(), out);
                    }
                    Object result = invoke(target, method, args);
                    return result instanceof PreparedStatement ps ? proxy(PreparedStatement.class, ps, out) : result;
                }));
    }

    private static synchronized void step(String what, PrintStream out) {
        out.println("op " + (++ops) + " " + what);
        out.flush();
        try {
            if (IN.readLine() == null) {
                throw new IllegalStateException("the parent closed standard input");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package dev.inlet.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link InletFake}: fills and closes {@link FakeApi} fields and
 * parameters. Each fake is put in the JUnit store of the scope it lives for (the test for instance
 * fields and parameters, the class for static fields), which closes it when the scope ends. Needs
 * {@code junit-jupiter-api} on the test classpath (an optional dependency of the test kit).
 */
public final class InletFakeExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InletFakeExtension.class);

    /** Creates the extension (JUnit does). */
    public InletFakeExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (Field field : fakeFields(context.getRequiredTestClass(), true)) {
            fill(field, null, context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : fakeFields(instance.getClass(), false)) {
                fill(field, instance, context);
            }
        }
        for (Field field : fakeFields(context.getRequiredTestClass(), true)) {
            field.setAccessible(true);
            Object fake = field.get(null);
            if (fake instanceof FakeApi api) {
                api.clearRequests();
            }
        }
    }

    private static void fill(Field field, Object instance, ExtensionContext context) throws IllegalAccessException {
        field.setAccessible(true);
        Object current = field.get(instance);
        FakeApi fake = current instanceof FakeApi api ? api : FakeApi.builder().start();
        if (current == null) {
            field.set(instance, fake);
        }
        String key = field.getDeclaringClass().getName() + "#" + field.getName() + "@" + System.identityHashCode(fake);
        context.getStore(NAMESPACE).put(key, fake); // AutoCloseable: closed when this scope ends
    }

    private static List<Field> fakeFields(Class<?> type, boolean statics) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(InletFake.class) && Modifier.isStatic(f.getModifiers()) == statics) {
                    if (f.getType() != FakeApi.class) {
                        throw new FakeApiConfigException("@InletFake on " + c.getName() + "." + f.getName()
                                + " of type " + f.getType().getName(), "@InletFake marks FakeApi fields only");
                    }
                    out.add(f);
                }
            }
        }
        return out;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(InletFake.class) && parameter.getParameter().getType() == FakeApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        FakeApi fake = FakeApi.builder().start();
        context.getStore(NAMESPACE).put("param-" + System.identityHashCode(fake), fake);
        return fake;
    }
}

package dev.inlet.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InletListener#all}: every event reaches every listener, in order, whatever one of them throws. */
class ListenersTest {

    private static List<Method> events() {
        return Arrays.stream(InletListener.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1)
                .toList();
    }

    /** A listener that notes "name:event" for every call and throws if asked to. */
    private static InletListener recording(String name, List<String> calls, boolean throwing) {
        return (InletListener) Proxy.newProxyInstance(InletListener.class.getClassLoader(),
                new Class<?>[] {InletListener.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : name;
                    }
                    calls.add(name + ":" + method.getName());
                    if (throwing) {
                        throw new IllegalStateException("listener " + name + " fails on purpose");
                    }
                    return null;
                });
    }

    @Test
    void everyEventReachesEveryListenerInOrderDespiteAFailingOne() throws Exception {
        List<String> calls = new ArrayList<>();
        InletListener all = InletListener.all(List.of(recording("a", calls, false), recording("b", calls, true),
                recording("c", calls, false)));
        List<Method> events = events();
        assertThat(events).extracting(Method::getName).contains("requestSent", "responseReceived", "pageStarted",
                "pageDone", "runFinished", "connectorDone", "stateCommitted");
        List<String> expected = new ArrayList<>();
        for (Method event : events) {
            event.invoke(all, new Object[] {null}); // must not throw although "b" does
            for (String name : List.of("a", "b", "c")) {
                expected.add(name + ":" + event.getName());
            }
        }
        assertThat(calls).containsExactlyElementsOf(expected);
    }

    @Test
    void theListIsCopiedAndAnEmptyOneIsTheNoOpListener() {
        List<String> calls = new ArrayList<>();
        List<InletListener> listeners = new ArrayList<>(List.of(recording("a", calls, false)));
        InletListener all = InletListener.all(listeners);
        listeners.add(recording("late", calls, false));
        all.pageStarted(new InletListener.PageStarted("c", "run", Position.start()));
        assertThat(calls).containsExactly("a:pageStarted");
        assertThat(InletListener.all(List.of())).isSameAs(InletListener.none());
    }
}

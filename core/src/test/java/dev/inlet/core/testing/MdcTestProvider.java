package dev.inlet.core.testing;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (slf4j-simple's own MDC drops everything), so tests can check what
 * a run puts in the MDC. A module's tests select it with the system property
 * {@code slf4j.provider=dev.inlet.core.testing.MdcTestProvider} in its surefire configuration (SLF4J
 * chooses its provider once per JVM, before any test runs).
 */
public final class MdcTestProvider extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}

package dev.inlet.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a {@link FakeApi} field or parameter of a JUnit 5 test for {@link InletFakeExtension}, which
 * this annotation registers. An instance field lives for one test, a static field for the class (its
 * recorded requests are cleared before each test), a parameter for its method. A field you
 * initialise yourself ({@code @InletFake FakeApi api = FakeApi.builder()….start();}) keeps your
 * settings; a null field or a parameter gets {@code FakeApi.builder().start()}. Every one is closed
 * by the extension, each on its own ephemeral port, so tests never share or fight over a port.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(InletFakeExtension.class)
public @interface InletFake {
}

package dev.inlet.core;

import java.io.InputStream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import dev.inlet.core.internal.JacksonCompatibility;
import dev.inlet.core.error.IncompatibleDependencyException;

/**
 * Inlet's default Jackson 3 mapper, and the settings it relies on.
 *
 * <ul>
 *   <li>{@code FAIL_ON_UNKNOWN_PROPERTIES} off: APIs add fields; a record type names what it needs;</li>
 *   <li>{@code USE_BIG_DECIMAL_FOR_FLOATS} on: money and other decimals stay exact, never
 *       {@code double};</li>
 *   <li>{@code FAIL_ON_TRAILING_TOKENS} off: records are read one at a time from a parser in the middle
 *       of a body, which Jackson 3 would otherwise refuse.</li>
 * </ul>
 */
public final class Json {

    private Json() {
    }

    /**
     * The shared default mapper (immutable and thread-safe).
     *
     * @throws IncompatibleDependencyException if the build put a Jackson on the classpath that cannot work
     *         (typically an older {@code jackson-annotations} chosen by another dependency); the message names
     *         the versions and the fix
     */
    public static JsonMapper mapper() {
        requireCompatibleJackson();
        return Shared.MAPPER;
    }

    /**
     * Checks, before anything builds a Jackson mapper, that the Jackson on the classpath can work with Inlet
     * (checked once; cheap afterwards).
     *
     * @throws IncompatibleDependencyException naming the versions found, the ones needed and the fix
     */
    public static void requireCompatibleJackson() {
        JacksonCompatibility.require();
    }

    /** Built on first use, after the check: building it is what fails on an incompatible classpath. */
    private static final class Shared {
        static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();
    }

    /**
     * A parser over a body, from the mapper's factory with the {@link ReadLimits}' string, number and
     * nesting limits, so that one hostile value fails as a Jackson {@code StreamConstraintsException}
     * instead of filling the heap. Read values from it with the mapper ({@code mapper.readTree(parser)})
     * or a reader of the mapper.
     */
    public static JsonParser parser(JsonMapper mapper, ReadLimits limits, InputStream body) {
        return ConstrainedFactories.of(mapper, limits).createParser(ObjectReadContext.empty(), body);
    }

    /** Applies Inlet's settings to a caller's mapper builder. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}

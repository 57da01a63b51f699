package dev.inlet.declarative;

import dev.inlet.declarative.internal.DefinitionProblem;
import java.util.function.Supplier;

/** Turns the loader's internal problems into the public {@link DefinitionException}. */
final class Problems {

    private Problems() {
    }

    static DefinitionException translate(DefinitionProblem p) {
        return new DefinitionException(p.location().file(), p.location().line(), p.location().column(), p.path(),
                p.problem(), p.expected(), p.suggestion(), p.getCause());
    }

    /** Runs a step of loading or binding, reporting a problem as a {@link DefinitionException}. */
    static <T> T guard(Supplier<T> step) {
        try {
            return step.get();
        } catch (DefinitionProblem p) {
            throw translate(p);
        }
    }
}

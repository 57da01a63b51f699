package dev.inlet.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Interleaving: run {@code r} takes the contenders rotated by {@code r} (A B C, B C A, C A B, ...). */
public final class Rounds {

    private Rounds() {
    }

    /** The order of the contenders in run {@code run}. */
    public static <T> List<T> order(List<T> contenders, int run) {
        List<T> rotated = new ArrayList<>(contenders);
        Collections.rotate(rotated, -(run % Math.max(1, contenders.size())));
        return rotated;
    }
}

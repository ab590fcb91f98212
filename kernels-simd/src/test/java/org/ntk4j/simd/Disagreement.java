package org.ntk4j.simd;

import java.util.Map;
import java.util.TreeMap;

/** The largest disagreement seen per core and activation, printed after each contract class. */
final class Disagreement {

    private static final Map<String, Double> WORST = new TreeMap<>();

    private Disagreement() {
    }

    static synchronized void record(String core, String activation, double value) {
        WORST.merge(core + " " + activation, value, Math::max);
    }

    static synchronized void printAndClear() {
        WORST.forEach((k, v) -> System.out.println("largest relative disagreement " + k + ": " + v));
        WORST.clear();
    }
}

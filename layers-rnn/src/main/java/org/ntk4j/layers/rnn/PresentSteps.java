package org.ntk4j.layers.rnn;

/**
 * The present steps of one sequence: recurrent layers skip masked steps (the state carries over),
 * so every recursion runs over present-step indices {@code a = 0..count-1}, not over time.
 */
final class PresentSteps {
    private final int[] steps;
    /** {@code upTo[t]}: number of present steps at or before time t (the state seen at t). */
    private final int[] upTo;

    private PresentSteps(int[] steps, int[] upTo) {
        this.steps = steps;
        this.upTo = upTo;
    }

    /** From a mask row (null: every one of the {@code length} steps present). */
    static PresentSteps of(boolean[] mask, int length) {
        int count = 0;
        for (int t = 0; t < length; t++) {
            if (mask == null || mask[t]) {
                count++;
            }
        }
        int[] steps = new int[count];
        int[] upTo = new int[length];
        int k = 0;
        for (int t = 0; t < length; t++) {
            if (mask == null || mask[t]) {
                steps[k++] = t;
            }
            upTo[t] = k;
        }
        return new PresentSteps(steps, upTo);
    }

    static PresentSteps[] ofAll(boolean[][] masks, int rows, int length) {
        PresentSteps[] p = new PresentSteps[rows];
        for (int i = 0; i < rows; i++) {
            p[i] = of(masks == null ? null : masks[i], length);
        }
        return p;
    }

    int count() {
        return steps.length;
    }

    /** Time index of present step a. */
    int time(int a) {
        return steps[a];
    }

    /** Present-step index of the state visible at time t, or −1 before the first present step (h = 0). */
    int stateAt(int t) {
        return upTo[t] - 1;
    }
}

package org.ntk4j.engine.spec;

import java.util.Collection;
import java.util.Locale;

/** Finds the known name closest to a misspelt one, for "did you mean" hints. */
public final class NameSuggester {

    private NameSuggester() {
    }

    /** The closest candidate by case-insensitive edit distance, or null when none is close. */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        // A suggestion further than half the word away is noise, not help.
        return best != null && bestDistance < name.length() && bestDistance <= Math.max(2, name.length() / 2) ? best : null;
    }

    /** " (did you mean \"x\"?)" or "" — ready to append to a message. */
    public static String hint(String name, Collection<String> candidates) {
        String c = closest(name, candidates);
        return c == null ? "" : " (did you mean \"" + c + "\"?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

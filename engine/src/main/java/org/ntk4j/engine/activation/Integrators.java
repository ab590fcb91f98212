package org.ntk4j.engine.activation;

import java.util.List;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.DualActivation;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.NumericCore;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.SpecException;

/**
 * The integrator parameters every activation takes and the choice of dual they make:
 * {@code integrator} ("closed" | "quadrature" | "montecarlo"; default the closed form where one
 * exists, else quadrature), {@code degree} (0 = the automatic accurate rule; n &gt; 0 = plain
 * Gauss–Hermite of degree n, as Neural Tangents), {@code samples} and {@code seed} for Monte Carlo.
 */
public final class Integrators {

    public static final String CLOSED = "closed";
    public static final String QUADRATURE = "quadrature";
    public static final String MONTE_CARLO = "montecarlo";

    /** Monte Carlo default: 2^17 pairs give errors near 3e-3 relative, enough for a cross-check. */
    public static final int DEFAULT_SAMPLES = 1 << 17;

    public static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.choice("integrator", null, List.of(CLOSED, QUADRATURE, MONTE_CARLO),
                    "how Gaussian expectations are computed (default: closed form if any, else quadrature)").asOptional(),
            ParamSpec.integer("degree", 0, "quadrature: 0 = automatic rule (1e-8 relative), n > 0 = Gauss-Hermite of degree n")
                    .range(0, 1000),
            ParamSpec.integer("samples", DEFAULT_SAMPLES, "montecarlo: number of Gaussian pairs").range(16, 1 << 26),
            ParamSpec.integer("seed", 0, "montecarlo: random seed").range(0, Integer.MAX_VALUE));

    private Integrators() {
    }

    /**
     * The dual for the chosen integrator; {@code integrator == null} means the default. A closed form
     * comes from the numeric core when it has a faster one for this activation, else from the
     * activation itself.
     */
    public static DualActivation choose(String name, ActivationFunction f, LayerConfig params, String integrator,
                                        int degree, int samples, long seed, NumericCore core, String path) {
        java.util.Optional<DualActivation> closed = f.closedForm()
                .map(own -> core.closedForm(name, params).orElse(own));
        if (integrator == null) {
            return closed.orElseGet(() -> core.quadrature(f, degree));
        }
        return switch (integrator) {
            case CLOSED -> closed.orElseThrow(() -> new SpecException(path + ".integrator",
                    "\"" + name + "\" has no closed form; use \"quadrature\" (the default for it) or \"montecarlo\""));
            case QUADRATURE -> core.quadrature(f, degree);
            case MONTE_CARLO -> core.monteCarlo(f, samples, seed);
            default -> throw new SpecException(path + ".integrator", "unknown integrator \"" + integrator + "\"");
        };
    }
}

package org.ntk4j.simd;

import java.util.Objects;
import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.ArrayOps;
import org.ntk4j.api.DualActivation;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.NumericCore;

/**
 * The numeric core on the Vector API ({@code jdk.incubator.vector}, the platform's preferred
 * species): vectorised closed-form duals for the arc-cosine family (relu, leakyRelu, abRelu, abs),
 * erf, gelu, identity, sin, cos and sign, which agree with the activations' own scalar closed forms to 1e-12
 * relative. Quadrature and Monte Carlo take an opaque scalar φ, so they stay with the scalar core
 * given to the constructor.
 *
 * <p>The duals use only correctly rounded arithmetic (their atan2 is {@link VectorAtan2}, not the
 * platform's vector math library), so they give the same bits interpreted or compiled, on any vector
 * width; that lets each dual run its {@link ScalarTwin} arithmetic until its vector code is compiled
 * and faster ({@link WarmUp}) without changing a bit of the result. sin and cos use the vector EXP
 * and are the exception (within an ulp or two across JIT states).
 *
 * <p>Loaded reflectively by the engine's start-up selection, and only after it has checked that the
 * vector module is readable and C2 is on; the engine has no compile-time dependency on this class.
 * The selection calls the public constructor {@code (NumericCore scalar)} and
 * {@link #preferredBitSize()}.
 */
public final class SimdNumericCore implements NumericCore {

    private static final DualActivation ERF = new ErfDual();
    private static final DualActivation GELU = new GeluDual();
    private static final DualActivation IDENTITY = new IdentityDual();
    private static final DualActivation RELU = new ArcCosineDual(0.0, 1.0);
    private static final DualActivation ABS = new ArcCosineDual(-1.0, 1.0);
    private static final DualActivation SIN = new TrigonometricDual(true);
    private static final DualActivation COS = new TrigonometricDual(false);
    private static final DualActivation SIGN = new SignDual();

    private final NumericCore scalar;

    public SimdNumericCore(NumericCore scalar) {
        this.scalar = Objects.requireNonNull(scalar, "scalar");
        // relu is by far the most used dual, and its vector code takes C2 a second to reach on a
        // 2-core machine: start on it now, while the rest of the architecture is still being read.
        BackgroundWarmUp.start((WarmableDual) RELU);
    }

    /** Bits of the platform's preferred double vector (e.g. 256 with AVX2, 512 with AVX-512). */
    public static int preferredBitSize() {
        return Lanes.SPECIES.vectorBitSize();
    }

    @Override
    public String name() {
        return "simd(" + preferredBitSize() + "-bit)";
    }

    /**
     * The vectorised closed form of a core activation, by its name and validated parameters
     * ({@code slope} for leakyRelu, {@code a} and {@code b} for abRelu); empty for any other.
     */
    @Override
    public Optional<DualActivation> closedForm(String activation, LayerConfig params) {
        Optional<DualActivation> dual = Optional.ofNullable(switch (activation) {
            case "relu" -> RELU;
            case "leakyRelu" -> new ArcCosineDual(params.getDouble("slope"), 1.0);
            case "abRelu" -> new ArcCosineDual(params.getDouble("a"), params.getDouble("b"));
            case "abs" -> ABS;
            case "erf" -> ERF;
            case "gelu" -> GELU;
            case "identity" -> IDENTITY;
            case "sin" -> SIN;
            case "cos" -> COS;
            case "sign" -> SIGN;
            default -> null;
        });
        // An architecture uses it: have its vector code compiled by the time the kernels need it.
        dual.filter(WarmableDual.class::isInstance).ifPresent(d -> BackgroundWarmUp.start((WarmableDual) d));
        return dual;
    }

    @Override
    public DualActivation quadrature(ActivationFunction f, int degree) {
        return scalar.quadrature(f, degree);
    }

    @Override
    public void awaitWarm(long maxMillis) {
        BackgroundWarmUp.awaitAll(maxMillis);
    }

    @Override
    public ArrayOps arrays() {
        return SimdArrayOps.INSTANCE;
    }

    @Override
    public DualActivation monteCarlo(ActivationFunction f, int samples, long seed) {
        return scalar.monteCarlo(f, samples, seed);
    }

    @Override
    public String toString() {
        return name();
    }
}

package org.ntk4j.engine.testplugin;

import java.util.List;
import java.util.Optional;
import org.ntk4j.api.ActivationFunction;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.DualActivation;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerConfig;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.Ntk4jPlugin;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Shape;
import org.ntk4j.api.finite.Batch;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;
import org.ntk4j.api.finite.Gradients;

/**
 * Layers for the engine's own tests (the real layers live in layers-core, which the engine must
 * not depend on): {@code scale} multiplies by a constant, {@code square} is an activation with a
 * closed form, {@code cubic} one without, {@code needsAll} a layer with every parameter kind.
 */
public final class TestPlugin implements Ntk4jPlugin {

    @Override
    public List<LayerType> layerTypes() {
        return List.of(new ScaleType(), new NeedsAllType());
    }

    @Override
    public List<ActivationType> activationTypes() {
        return List.of(activation("square", true), activation("cubic", false));
    }

    private static ActivationType activation(String name, boolean closed) {
        return new ActivationType() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test activation";
            }

            @Override
            public List<ParamSpec> params() {
                return List.of();
            }

            @Override
            public ActivationFunction create(LayerConfig config) {
                return closed ? new Square() : new Cubic();
            }
        };
    }

    /** φ(x) = x²: E[u²v²] = k11 k22 + 2 k12², E[φ'φ'] = 4 k12. */
    static final class Square implements ActivationFunction {
        @Override
        public double value(double x) {
            return x * x;
        }

        @Override
        public double derivative(double x) {
            return 2 * x;
        }

        @Override
        public Optional<DualActivation> closedForm() {
            return Optional.of(new DualActivation() {
                @Override
                public void compute(double[] k11, double[] k22, double[] k12, int n, double[] cov, double[] dot) {
                    for (int i = 0; i < n; i++) {
                        cov[i] = k11[i] * k22[i] + 2 * k12[i] * k12[i];
                        if (dot != null) {
                            dot[i] = 4 * k12[i];
                        }
                    }
                }

                @Override
                public String describe() {
                    return "closed";
                }
            });
        }
    }

    /** φ(x) = x³, left to quadrature. */
    static final class Cubic implements ActivationFunction {
        @Override
        public double value(double x) {
            return x * x * x;
        }

        @Override
        public double derivative(double x) {
            return 3 * x * x;
        }
    }

    static final class ScaleType implements LayerType {
        @Override
        public String name() {
            return "scale";
        }

        @Override
        public String description() {
            return "multiplies by a constant";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.number("factor", 1.0, "the constant").above(0));
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            double f = c.getDouble("factor");
            return new Layer() {
                @Override
                public String type() {
                    return "scale";
                }

                @Override
                public String path() {
                    return c.path();
                }

                @Override
                public Shape outputShape(Shape in) {
                    // Stands in for a weight layer so engine tests can run activations without layers-core.
                    return in.fromWeights();
                }

                @Override
                public KernelState apply(KernelState s) {
                    double f2 = f * f;
                    for (double[] a : new double[][]{s.cross(), s.self1(), s.self2()}) {
                        for (int k = 0; k < a.length; k++) {
                            a[k] *= f2;
                        }
                    }
                    if (s.hasNtk()) {
                        for (int k = 0; k < s.ntk().length; k++) {
                            s.ntk()[k] *= f2;
                        }
                    }
                    return s;
                }

                @Override
                public FiniteLayer finite(FiniteContext context) {
                    Shape shape = context.input();
                    return new FiniteLayer() {
                        @Override
                        public Batch forward(Batch x) {
                            Batch y = x.copy();
                            for (double[] r : y.data()) {
                                for (int k = 0; k < r.length; k++) {
                                    r[k] *= f;
                                }
                            }
                            return y;
                        }

                        @Override
                        public Batch backward(Batch g, Gradients gradients) {
                            return forward(g);
                        }

                        @Override
                        public Shape output() {
                            return shape;
                        }

                        @Override
                        public List<double[]> parameters() {
                            return List.of();
                        }
                    };
                }
            };
        }
    }

    /** Declares one parameter of every kind, to test validation. */
    static final class NeedsAllType implements LayerType {
        @Override
        public String name() {
            return "needsAll";
        }

        @Override
        public String description() {
            return "every parameter kind";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.number("rate", 0.5, "a number in [0, 1]").range(0, 1),
                    ParamSpec.integer("count", 3, "an integer >= 1").range(1, 100),
                    ParamSpec.bool("flag", false, "a boolean"),
                    ParamSpec.choice("mode", "a", List.of("a", "b"), "a choice"),
                    ParamSpec.intList("filter", new int[]{3}, "an int list"),
                    ParamSpec.requiredNumber("needed", "a required number"),
                    ParamSpec.activation("activation", "square", "an activation"),
                    ParamSpec.branches("branches", "branches").asOptional());
        }

        @Override
        public Layer create(LayerConfig c, BuildContext ctx) {
            if (c.getActivation("activation") == null || !c.getActivation("activation").name().equals("square")) {
                throw new IllegalStateException("the activation parameter was not built");
            }
            return new ScaleType().create(new LayerConfig() {
                @Override
                public String path() {
                    return c.path();
                }

                @Override
                public boolean isSet(String name) {
                    return false;
                }

                @Override
                public double getDouble(String name) {
                    return 1.0;
                }

                @Override
                public int getInt(String name) {
                    return 0;
                }

                @Override
                public boolean getBoolean(String name) {
                    return false;
                }

                @Override
                public String getString(String name) {
                    return null;
                }

                @Override
                public int[] getIntList(String name) {
                    return null;
                }

                @Override
                public List<Layer> getLayers(String name) {
                    return List.of();
                }

                @Override
                public List<List<Layer>> getBranches(String name) {
                    return List.of();
                }

                @Override
                public org.ntk4j.api.Activation getActivation(String name) {
                    return null;
                }
            }, ctx);
        }
    }
}

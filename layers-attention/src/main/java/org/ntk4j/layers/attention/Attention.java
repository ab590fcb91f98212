package org.ntk4j.layers.attention;

import java.util.Arrays;
import org.ntk4j.api.KernelState;
import org.ntk4j.api.Layer;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.Shape;
import org.ntk4j.api.SpecException;
import org.ntk4j.api.finite.FiniteContext;
import org.ntk4j.api.finite.FiniteLayer;

/**
 * {@code attention}: self-attention over the positions of each input (a sequence {@code [T]} or an
 * image {@code [H, W]}), in the infinite-width limit where the logits are scaled by {@code 1/n}
 * (Neural Tangents' {@code GlobalSelfAttention} with {@code linear_scaling=True}; GP4A's transformer).
 *
 * <h2>The finite network (ntk parameterization; n = width, C = input channels, per head h)</h2>
 * <pre>
 *   q_i = W_h x_i / √C + posStd · e_{h,i}               (one tied query/key matrix W_h, n × C)
 *   ℓ_ij = qkStd² · &lt;q_i, q_j&gt; / n,   A = softmax_j(ℓ)   (masked keys and, if causal, j &gt; i excluded)
 *   u_{h,i} = Σ_j A_ij (vStd/√C) W_{V,h} x_j
 *   o_i = (oStd/√(heads·n)) W_O [u_{1,i}; …; u_{heads,i}] + bStd β
 * </pre>
 * All weights and biases are N(0, 1); under "standard" they carry the scales instead (W ~ N(0, qkStd²/C),
 * W_V ~ N(0, vStd²/C), W_O ~ N(0, oStd²/(heads·n)), β ~ N(0, bStd²)) and n is {@code width}.
 *
 * <h2>Positional embeddings ({@code posEmb})</h2>
 * <ul>
 *   <li>{@code "none"} (default): none.</li>
 *   <li>{@code "sum"}: a fixed random embedding {@code e_{h,i}} ∈ R^n is summed into the queries/keys
 *       (not the values, as Neural Tangents' default {@code val_pos_emb=False}). Its coordinates are
 *       independent Gaussian fields over the positions with covariance
 *       {@code posDecay^dist(i, j)} (L1 grid distance, {@code |i − j|} for sequences), scaled by
 *       {@code posStd} ({@code posStd} 1, {@code posDecay} 0.5 by default; {@code posDecay} 0 gives
 *       independent embeddings, 1 a constant shift that the softmax ignores). Summing it in the
 *       n-wide query/key space, rather than into the input, keeps the limit exact even right after
 *       narrow raw inputs. The embedding is not trained: trained, its gradient would add O(1/n) to the
 *       NTK, for the same reason as the query/key weights (below).</li>
 * </ul>
 *
 * <h2>The infinite-width limit</h2>
 * As n → ∞, {@code <W x_i, W x_j>/(nC)} → {@code K_self(i, j)} (the input's own covariance, which is
 * {@code <x_i, x_j>/C} itself for raw inputs and its limit for wide ones) and the cross terms with the
 * embedding vanish, so the weights become deterministic functions of each input's own covariance:
 * <pre>
 *   A(x) = softmax(qkStd² · (K_self(x) + posStd² · P)),   P_ij = posDecay^dist(i, j)
 * </pre>
 * Given A the layer is linear in x with fresh Gaussian weights, hence
 * <pre>
 *   NNGP   K'(x, x') = oStd² vStd² · A(x) K(x, x') A(x')ᵀ + bStd²
 *   NTK    Θ'(x, x') = K'                      (W_O and β)
 *                    + oStd² vStd² · A K A'ᵀ    (W_V)
 *                    + oStd² vStd² · A Θ A'ᵀ    (earlier parameters, through the values)
 *   standard: Θ' = (heads·n·vStd² + C·oStd²) · A K A'ᵀ + 1 + oStd² vStd² · A Θ A'ᵀ
 * </pre>
 * The number of heads does not enter: every head has the same deterministic A.
 *
 * <p><b>Why the query/key weights (and anything reaching the logits) add nothing to the NTK.</b>
 * {@code ∂ℓ_ij/∂W^{ac} = qkStd²/(nC) · ((W x_j)^a x_i^c + (W x_i)^a x_j^c)}, so
 * {@code Σ_{a,c} (∂ℓ_ij/∂W^{ac})(∂ℓ'_kl/∂W^{ac})} ≈ {@code qkStd⁴ (n C K_jl)(C K_ik) / (nC)²}:
 * O(1/n). The output reaches the logits through {@code Σ_j g_ij ∂A_ij} with
 * {@code g_ij = (oStd/√n) Σ_b W_O^{ab} v_j^b = O(1)}, so the query/key part of the tangent kernel is
 * O(1/n) and vanishes. Likewise an earlier parameter moves the logits through
 * {@code <x_j, ∂x_i/∂θ>/C}, whose tangent kernel is O(K·Θ/C) → 0. This is the price of the 1/n
 * scaling: with 1/√n logits A would stay random in the limit (Hron et al. 2020).
 * {@code AttentionQueryKeyGradientTest} measures the W contribution falling (at least) like 1/n.
 *
 * <h2>Cost</h2>
 * Per pair of inputs two S×S bilinear products ({@code A K A'ᵀ}, and {@code A Θ A'ᵀ} with the NTK),
 * each 2·S³ multiply-adds (S³ when causal: A is triangular), plus a softmax per input and tile:
 * O(N²·S³) per layer. For a general K (full rank, as after any nonlinearity or layerNorm) that is
 * the floor without fast matrix multiplication. When the tile's K (and Θ) have a low rank r
 * (attention on a linear image of inputs with fewer channels than positions) the products are
 * taken from verified factors instead, r·S² per pair: see {@link LowRankCross} and
 * {@code docs/decisions.md}. The other layers of a transformer block cost O(N²·S²).
 *
 * <p>Masks (sequences of different lengths) and causality: see {@link AttentionWeights}.
 */
public final class Attention implements Layer {

    private final String path;
    private final AttentionSettings settings;

    Attention(String path, AttentionSettings settings) {
        this.path = path;
        this.settings = settings;
    }

    AttentionSettings settings() {
        return settings;
    }

    @Override
    public String type() {
        return AttentionType.NAME;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Shape outputShape(Shape in) {
        if (in.isVector()) {
            throw new SpecException(path, "attention mixes positions and needs a sequence (N × T × d) or an image "
                    + "(N × H × W × C), but its input is a " + in + "; put it before flatten/globalAvgPool, or use "
                    + "a recurrent layer with output \"sequence\"");
        }
        // Given the weights A (deterministic in the limit), W_O and β are fresh: Gaussian and centred.
        return in.withChannels(settings.width()).fromWeights();
    }

    @Override
    public boolean needsPositionCovariance() {
        return true;
    }

    @Override
    public boolean isFresh(boolean inputFresh) {
        // W_O is used nowhere else and enters linearly: the output is zero-mean and uncorrelated with other branches.
        return true;
    }

    @Override
    public KernelState apply(KernelState s) {
        if (s.mode() != KernelState.Positions.FULL) {
            throw new IllegalStateException(path + ": attention needs covariances between all positions, got " + s);
        }
        int size = s.positions();
        int e = s.entrySize();
        double[] pos = positionalLogitCovariance(s.spatial());
        double qk2 = settings.qkStd() * settings.qkStd();
        // Weights first: they read the input's own covariances, which the self update below overwrites.
        Bilinear.Weights[] a1 = weights(s.self1(), s.n1(), size, qk2, pos, s.masks1());
        Bilinear.Weights[] a2 = weights(s.self2(), s.n2(), size, qk2, pos, s.masks2());

        Coefficients c = coefficients(s.channels());
        double[] cross = s.cross();
        double[] ntk = s.ntk();
        Bilinear product = new Bilinear(size, ntk == null ? 1 : 2);
        Factored factored = factor(s, a1, a2);
        for (int i = 0; i < s.n1(); i++) {
            for (int j = 0; j < s.n2(); j++) {
                int off = (i * s.n2() + j) * e;
                if (factored != null) {
                    product.multiplyFactors(0, factored.k.left[i], factored.k.right[j]);
                    if (ntk != null) {
                        product.multiplyFactors(1, factored.theta.left[i], factored.theta.right[j]);
                    }
                } else {
                    product.load(0, cross, off);
                    if (ntk != null) {
                        product.load(1, ntk, off);
                    }
                    product.multiply(a1[i], a2[j]);
                }
                if (ntk != null) {
                    // Θ first: it reads the NNGP product, which the next line rescales in place.
                    product.combine(1, c.ntkFromTheta, 0, c.ntkFromK, c.ntkConstant);
                    product.store(1, ntk, off);
                }
                product.combine(0, c.nngpScale, 0, 0.0, c.nngpConstant);
                product.store(0, cross, off);
            }
        }
        updateSelf(s.self1(), a1, size, c, factored != null);
        updateSelf(s.self2(), a2, size, c, factored != null);
        s.setChannels(settings.width());
        return s;
    }

    /** Per input, the factors of {@code A K A'ᵀ} ({@code k}) and {@code A Θ A'ᵀ} ({@code theta}, or null without the NTK). */
    private record Factored(Factors k, Factors theta) {
    }

    /** {@code A_i M_ij A_jᵀ = left[i] · right[j]} for one matrix M of the tile. */
    private record Factors(double[][] left, double[][][] right) {

        static Factors of(LowRankCross m, Bilinear.Weights[] a1, Bilinear.Weights[] a2) {
            double[][] left = new double[a1.length][];
            double[][][] right = new double[a2.length][][];
            for (int i = 0; i < a1.length; i++) {
                left[i] = m.left(i, a1[i].matrix());
            }
            for (int j = 0; j < a2.length; j++) {
                right[j] = m.right(j, a2[j].matrix());
            }
            return new Factors(left, right);
        }
    }

    /**
     * The factored products when every matrix of the tile has a verified low-rank form
     * ({@link LowRankCross}) of rank at most 2S/3, where r·S² per pair (plus the check) beats 2·S³; else null.
     */
    private static Factored factor(KernelState s, Bilinear.Weights[] a1, Bilinear.Weights[] a2) {
        int size = s.positions();
        int maxRank = 2 * size / 3;
        if (maxRank == 0) {
            return null;
        }
        LowRankCross k = LowRankCross.factor(s.cross(), s.n1(), s.n2(), size, maxRank);
        if (k == null) {
            return null;
        }
        Factors kf = Factors.of(k, a1, a2);
        if (s.ntk() == null) {
            return new Factored(kf, null);
        }
        if (Arrays.equals(s.ntk(), s.cross())) {
            // Θ = K exactly, as after a first dense layer under the ntk parameterization: same factors.
            return new Factored(kf, kf);
        }
        LowRankCross t = LowRankCross.factor(s.ntk(), s.n1(), s.n2(), size, maxRank);
        return t == null ? null : new Factored(kf, Factors.of(t, a1, a2));
    }

    /** The positional part of the logits' kernel before the qkStd² factor: posStd² · P, or null. */
    private double[] positionalLogitCovariance(int[] spatial) {
        if (!settings.posEmb()) {
            return null;
        }
        double[] p = PositionalCovariance.matrix(spatial, settings.posDecay());
        double v = settings.posStd() * settings.posStd();
        for (int k = 0; k < p.length; k++) {
            p[k] *= v;
        }
        return p;
    }

    /** Each input's weights, once per tile: every pair of the tile reuses them. */
    private Bilinear.Weights[] weights(double[] self, int n, int size, double qk2, double[] pos, boolean[][] masks) {
        Bilinear.Weights[] a = new Bilinear.Weights[n];
        for (int i = 0; i < n; i++) {
            double[] w = AttentionWeights.limit(self, i * size * size, size, qk2, pos, masks == null ? null : masks[i],
                    settings.causal());
            a[i] = new Bilinear.Weights(w, size, settings.causal());
        }
        return a;
    }

    /**
     * {@code K_ii ← nngpScale · A_i K_ii A_iᵀ + nngpConstant}. When the cross blocks had low rank the
     * own blocks are tried the same way (one block is a 1×1 tile), so they do not stay at 2·S³ per
     * input and tile; otherwise they are of full rank too and the general product is used at once.
     */
    private void updateSelf(double[] self, Bilinear.Weights[] a, int size, Coefficients c, boolean tryFactors) {
        int e = size * size;
        Bilinear product = new Bilinear(size, 1);
        double[] block = new double[e];
        for (int i = 0; i < a.length; i++) {
            int off = i * e;
            LowRankCross f = null;
            if (tryFactors) {
                System.arraycopy(self, off, block, 0, e);
                f = LowRankCross.factor(block, 1, 1, size, 2 * size / 3);
            }
            if (f != null) {
                product.multiplyFactors(0, f.left(0, a[i].matrix()), f.right(0, a[i].matrix()));
            } else {
                product.load(0, self, off);
                product.multiply(a[i], a[i]);
            }
            for (int p = 0; p < size; p++) {
                for (int q = 0; q <= p; q++) {
                    // Exact symmetry (the two triangles round differently) keeps later duals consistent.
                    double v = c.nngpScale * 0.5 * (product.row(0, p)[q] + product.row(0, q)[p]) + c.nngpConstant;
                    self[off + p * size + q] = v;
                    self[off + q * size + p] = v;
                }
            }
        }
    }

    /** {@code K' = nngpScale · AKA'ᵀ + nngpConstant}, {@code Θ' = ntkFromK · AKA'ᵀ + ntkConstant + ntkFromTheta · AΘA'ᵀ}. */
    private record Coefficients(double nngpScale, double nngpConstant, double ntkFromK, double ntkConstant,
                                double ntkFromTheta) {
    }

    private Coefficients coefficients(int inputChannels) {
        double o2 = settings.oStd() * settings.oStd();
        double v2 = settings.vStd() * settings.vStd();
        double b2 = settings.bStd() * settings.bStd();
        double ov = o2 * v2;
        if (settings.parameterization() == Parameterization.NTK) {
            // W_O and W_V each contribute oStd² vStd² · A K A'ᵀ, β contributes bStd².
            return new Coefficients(ov, b2, 2 * ov, b2, ov);
        }
        // Unscaled gradients: W_O sees heads·n value coordinates, W_V sees C input channels, β gives 1.
        double fromK = (double) settings.heads() * settings.width() * v2 + (double) inputChannels * o2;
        return new Coefficients(ov, b2, fromK, 1.0, ov);
    }

    @Override
    public FiniteLayer finite(FiniteContext context) {
        int n = context.parameterization() == Parameterization.NTK ? context.width() : settings.width();
        return new FiniteAttention(settings, context, n);
    }
}

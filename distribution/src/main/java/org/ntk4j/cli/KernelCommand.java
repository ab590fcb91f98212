package org.ntk4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.Architecture;
import org.ntk4j.engine.compute.Inputs;
import org.ntk4j.engine.compute.KernelOptions;
import org.ntk4j.engine.compute.KernelSink;
import org.ntk4j.engine.io.AtomicFiles;
import org.ntk4j.engine.io.NpyTileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ntk4j kernel}: the NNGP and NTK of x1 against x2, streamed to .npy files. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = {"Computes the NNGP kernel K and the NTK Θ of an architecture for x1 against x2.",
                "Writes DIR/nngp.npy, DIR/ntk.npy (float64, N1 × N2) and DIR/summary.json."})
final class KernelCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--arch", required = true, paramLabel = "A.json", description = "architecture (JSON)")
    Path arch;

    @Option(names = "--x1", required = true, paramLabel = "X1", description = "inputs: .npy (N×d, N×T×d, N×H×W×C) or .csv (N×d)")
    Path x1;

    @Option(names = "--x2", paramLabel = "X2", description = "second inputs (default: x1)")
    Path x2;

    @Option(names = "--mask1", paramLabel = "M1", description = "presence mask of x1 sequences (N1×T, 1 = present)")
    Path mask1;

    @Option(names = "--mask2", paramLabel = "M2", description = "presence mask of x2 sequences (N2×T)")
    Path mask2;

    @Option(names = "--get", split = ",", paramLabel = "KIND", defaultValue = "nngp,ntk",
            description = "which kernels to write: nngp, ntk (default: both)")
    List<String> get;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
        boolean wantNngp = get.contains("nngp");
        boolean wantNtk = get.contains("ntk");
        for (String g : get) {
            if (!g.equals("nngp") && !g.equals("ntk")) {
                throw new SpecException("--get", "expected nngp and/or ntk, found \"" + g + "\"");
            }
        }
        if (mask2 != null && x2 == null) {
            throw new SpecException("--mask2", "given without --x2");
        }
        if (threads != null && threads < 1) {
            throw new SpecException("--threads", "expected a positive number, found " + threads);
        }
        Architecture a = main.ntk4j().load(arch);
        Inputs in1 = CliInputs.read(x1, mask1, "--x1");
        Inputs in2 = x2 == null ? null : CliInputs.read(x2, mask2, "--x2");
        a.check(in1, in2);
        Path dir = OutputFolder.prepare(out);
        int n1 = in1.count();
        int n2 = in2 == null ? n1 : in2.count();
        KernelOptions options = KernelOptions.defaults().withNtk(wantNtk)
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                .withProgress(new Progress(err, "kernel"));
        try (NpyTileWriter k = wantNngp ? NpyTileWriter.create(dir.resolve("nngp.npy"), n1, n2) : null;
             NpyTileWriter t = wantNtk ? NpyTileWriter.create(dir.resolve("ntk.npy"), n1, n2) : null) {
            KernelSink sink = (r0, c0, rows, cols, nngp, ntk) -> {
                if (k != null) {
                    k.writeTile(r0, c0, rows, cols, nngp);
                }
                if (t != null) {
                    t.writeTile(r0, c0, rows, cols, ntk);
                }
            };
            a.kernels(in1, in2, options, sink);
            double seconds = (System.nanoTime() - start) / 1e9;
            String summary = summary(a, in1, in2, options, wantNngp, wantNtk, seconds);
            if (k != null) {
                k.commit();
            }
            if (t != null) {
                t.commit();
            }
            AtomicFiles.writeString(dir.resolve("summary.json"), summary);
        }
        return Main.OK;
    }

    private String summary(Architecture a, Inputs in1, Inputs in2, KernelOptions o, boolean nngp, boolean ntk,
                           double seconds) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode s = m.createObjectNode();
        s.put("ntk4j", VersionProvider.version());
        s.put("architecture", a.name());
        s.put("architectureFile", arch.toString());
        s.put("parameterization", a.parameterization().jsonName());
        ObjectNode x = s.putObject("inputs");
        x.set("x1", m.valueToTree(java.util.Map.of("file", x1.toString(), "shape", in1.shape())));
        if (in2 != null) {
            x.set("x2", m.valueToTree(java.util.Map.of("file", x2.toString(), "shape", in2.shape())));
        }
        int n2 = in2 == null ? in1.count() : in2.count();
        ObjectNode outs = s.putObject("outputs");
        if (nngp) {
            outs.set("nngp", m.valueToTree(java.util.Map.of("file", "nngp.npy", "shape", new int[]{in1.count(), n2})));
        }
        if (ntk) {
            outs.set("ntk", m.valueToTree(java.util.Map.of("file", "ntk.npy", "shape", new int[]{in1.count(), n2})));
        }
        s.put("seconds", Math.round(seconds * 1000) / 1000.0);
        java.util.Map<String, Object> diagnostics = a.network().diagnostics();
        if (!diagnostics.isEmpty()) {
            s.set("diagnostics", m.valueToTree(diagnostics));
        }
        ObjectNode b = s.putObject("backends");
        b.put("numericCore", a.numericCore().name());
        b.put("linearAlgebra", a.linearAlgebra().name());
        b.put("threads", o.threads());
        b.put("java", Runtime.version().toString());
        return s.toPrettyString() + "\n";
    }
}

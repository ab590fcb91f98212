package org.ntk4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.engine.spec.LayerCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ntk4j layers}: every layer type and activation the installation knows. */
@Command(name = "layers", mixinStandardHelpOptions = true,
        description = "Lists every layer type and activation with its parameters, defaults and the jar it came from.")
final class LayersCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LayerCatalog c = main.ntk4j().catalog();
        for (String name : c.layerNames()) {
            LayerType t = c.layerType(name);
            out.printf("%s  (%s, from %s)%n    %s%n", name, c.isActivation(name) ? "activation" : "layer",
                    c.source(name), t.description());
            for (ParamSpec p : t.params()) {
                out.printf("    %-12s %-10s default %-12s %s%s%n", p.name(), kind(p), p.defaultText(), p.description(),
                        p.choices().isEmpty() ? "" : " (one of " + String.join(", ", p.choices()) + ")");
            }
        }
        out.flush();
        return Main.OK;
    }

    private static String kind(ParamSpec p) {
        return switch (p.kind()) {
            case NUMBER -> "number";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case STRING -> "string";
            case INT_LIST -> "[int...]";
            case LAYERS -> "[layer...]";
            case BRANCHES -> "[[layer...]...]";
            case ACTIVATION -> "activation";
        };
    }
}

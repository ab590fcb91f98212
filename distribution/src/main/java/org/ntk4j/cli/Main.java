package org.ntk4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.ntk4j.api.SpecException;
import org.ntk4j.engine.Ntk4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ntk4j} command. Exit codes: 0 success, 1 failure (a bug or an environment problem), 2 bad
 * input (a user mistake, reported in one paragraph naming the place, never with a stack trace
 * unless {@code --debug}).
 */
@Command(name = "ntk4j", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Infinite-width neural network kernels (NNGP, NTK) and the Gaussian process of training.",
        subcommands = {KernelCommand.class, LayersCommand.class, PredictCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "print stack traces of errors")
    boolean debug;

    @Option(names = "--plugins", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "folder of plugin jars (default: the plugins/ folder of the installation)")
    Path plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Ntk4j ntk4j;

    public static void main(String[] args) {
        // Before picocli: the SIMD warm-up and OpenBLAS get a head start on the command's work.
        Ntk4j.startUp();
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Main main = new Main();
        CommandLine cmd = new CommandLine(main);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("ntk4j: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, c, parse) -> {
            if (ex instanceof SpecException) {
                err.println("ntk4j: " + ex.getMessage());
                if (main.debug) {
                    ex.printStackTrace(err);
                }
                return BAD_INPUT;
            }
            err.println("ntk4j: failed: " + ex);
            if (main.debug) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --debug for the stack trace)");
            }
            return FAILURE;
        });
        return cmd.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The engine, created once with the plugin folder in force. */
    Ntk4j ntk4j() {
        if (ntk4j == null) {
            Path dir = plugins;
            if (dir == null) {
                String home = System.getProperty(Ntk4j.HOME_PROPERTY);
                dir = home == null ? null : Path.of(home, "plugins");
            } else if (!java.nio.file.Files.isDirectory(dir)) {
                throw new SpecException("--plugins", "no such folder: " + dir);
            }
            ntk4j = Ntk4j.create(dir);
        }
        return ntk4j;
    }
}

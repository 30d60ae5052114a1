package org.vaevar.harness.cli;

import java.io.PrintWriter;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;
import org.vaevar.api.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lists every plugin found on the classpath, by kind, with its parameters and defaults. */
@Command(name = "plugins", description = "List every discovered plugin by kind and name, with its parameters.")
final class PluginsCommand implements Runnable {

    @CommandLine.Option(names = "--brief", description = "Names only.")
    boolean brief;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginRegistry.discover(PluginsCommand.class.getClassLoader());
        for (PluginKind kind : PluginKind.values()) {
            out.println(kind.label() + "s:");
            for (PluginProvider p : registry.providers(kind).values()) {
                out.printf("  %-12s %s%n", p.name(), p.description());
                if (!brief) {
                    out.printf("      from %s%n", source(p));
                    for (Parameter<?> param : p.parameters().parameters()) {
                        out.printf("      %-22s %-8s default %-10s %s%n", param.name(),
                                param.type().name().toLowerCase(java.util.Locale.ROOT),
                                param.defaultValue() == null ? "(none)" : param.defaultValue(), param.description());
                    }
                }
            }
        }
        out.flush();
    }

    /** The jar (or classes directory) a provider was loaded from, relative to the launcher's directory if inside it. */
    static String source(PluginProvider p) {
        try {
            var code = p.getClass().getProtectionDomain().getCodeSource();
            if (code == null || code.getLocation() == null) {
                return "(unknown)";
            }
            java.nio.file.Path path = java.nio.file.Path.of(code.getLocation().toURI()).toAbsolutePath().normalize();
            java.nio.file.Path home = Home.directory().toAbsolutePath().normalize();
            return path.startsWith(home) && !path.equals(home) ? home.relativize(path).toString() : path.toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "(unknown)";
        }
    }
}

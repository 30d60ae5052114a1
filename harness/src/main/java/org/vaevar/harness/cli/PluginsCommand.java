package org.vaevar.harness.cli;

import java.io.PrintWriter;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;
import org.vaevar.api.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lists every plugin found on the classpath, by kind, with its parameters and defaults. */
@Command(name = "plugins", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "List every discovered plugin by kind and name, with its parameters.")
final class PluginsCommand implements Runnable {

    @CommandLine.Option(names = "--brief", description = "Names only.")
    boolean brief;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginRegistry.discover(PluginsCommand.class.getClassLoader());
        // Column widths from the longest entries, so long names never push a row out of line.
        int nameWidth = 1, paramWidth = 1, typeWidth = 1, defaultWidth = 1;
        for (PluginKind kind : PluginKind.values()) {
            for (PluginProvider p : registry.providers(kind).values()) {
                nameWidth = Math.max(nameWidth, p.name().length());
                for (Parameter<?> param : p.parameters().parameters()) {
                    paramWidth = Math.max(paramWidth, param.name().length());
                    typeWidth = Math.max(typeWidth, typeName(param).length());
                    defaultWidth = Math.max(defaultWidth, defaultText(param).length());
                }
            }
        }
        String pluginRow = "  %-" + nameWidth + "s  %s%n";
        String paramRow = "      %-" + paramWidth + "s  %-" + typeWidth + "s  default %-" + defaultWidth + "s  %s%n";
        for (PluginKind kind : PluginKind.values()) {
            out.println(kind.label() + "s:");
            for (PluginProvider p : registry.providers(kind).values()) {
                out.printf(pluginRow, p.name(), p.description());
                if (!brief) {
                    out.printf("      from %s%n", source(p));
                    for (Parameter<?> param : p.parameters().parameters()) {
                        out.printf(paramRow, param.name(), typeName(param), defaultText(param), param.description());
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

    private static String typeName(Parameter<?> param) {
        return param.type().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String defaultText(Parameter<?> param) {
        return param.defaultValue() == null ? "(none)" : String.valueOf(param.defaultValue());
    }
}

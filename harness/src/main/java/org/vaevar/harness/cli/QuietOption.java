package org.vaevar.harness.cli;

import picocli.CommandLine;

/** {@code -q/--quiet}: no progress bar (also implied by a CI environment, see the progress bar). */
final class QuietOption {

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;
}

package org.vaevar.harness.io;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.vaevar.api.util.ProgressListener;

/**
 * A one-line progress bar on a terminal: {@code cycles  42% [########          ] 420/1000 35.2/s ETA 0:16 rmse 0.31}.
 *
 * <p>The line is redrawn in place with a carriage return, at most {@link #DEFAULT_MIN_INTERVAL_NANOS 10 times a
 * second} (the final update of a task is always drawn). Several tasks may report at once, from several threads:
 * all unfinished tasks share the live line (each shown compactly once there are two or more), and a task that
 * reaches {@code done == total} prints one permanent summary line, so lines never interleave. Call
 * {@link #close()} at the end to finish a live line that is still open. {@link #log(String)} prints a message
 * above the bar without garbling it.
 *
 * <p>{@code total <= 0} means the total is unknown: the bar shows the count and rate, no percentage or ETA.
 * The rate is the average since the task's first update (stable, and honest about the whole run so far).
 *
 * <p>A quiet bar prints nothing but checks its arguments the same way, so a wrong call fails in CI too. A
 * {@linkplain Style#LOG log} bar, for output redirected to a file ({@code nohup ./vaevar reproduce > log &}),
 * never redraws: it writes whole lines, the finished tasks and at most one status line per
 * {@link #LOG_INTERVAL_NANOS half minute}. {@link #forTerminal(boolean)} chooses the style automatically.
 */
public final class ProgressBar implements ProgressListener, AutoCloseable {

    /** Minimum time between two redraws of the live line: 100 ms, i.e. 10 updates per second. */
    public static final long DEFAULT_MIN_INTERVAL_NANOS = 100_000_000L;

    /** Minimum time between two status lines of a {@linkplain Style#LOG log} bar: 30 s. */
    public static final long LOG_INTERVAL_NANOS = 30_000_000_000L;

    private static final int BAR_CELLS = 24;

    /** How progress is shown. */
    public enum Style {
        /** One line redrawn in place with carriage returns (an interactive terminal). */
        LIVE,
        /** Whole lines only, throttled: output redirected to a file or a pipe. */
        LOG,
        /** Nothing (asked for, or in CI). */
        QUIET
    }

    private final PrintStream out;
    private final Style style;
    private final boolean quiet;
    private final LongSupplier clock;
    private final long minIntervalNanos;
    private final int maxWidth;

    private final Map<String, Task> active = new LinkedHashMap<>();
    private long lastDraw = Long.MIN_VALUE;
    private int liveLength; // characters of the live line currently on screen, 0 if none

    /**
     * @param out              where to draw (usually {@code System.err}, so stdout stays clean for results)
     * @param quiet            print nothing
     * @param clock            nanosecond clock (injectable for tests)
     * @param minIntervalNanos minimum time between redraws
     * @param maxWidth         longest line drawn (terminal width); longer lines are cut
     */
    public ProgressBar(PrintStream out, boolean quiet, LongSupplier clock, long minIntervalNanos, int maxWidth) {
        this(out, quiet ? Style.QUIET : Style.LIVE, clock, minIntervalNanos, maxWidth);
    }

    /**
     * @param style            live, log or quiet (see {@link Style})
     * @param minIntervalNanos minimum time between redraws (between status lines for {@link Style#LOG})
     */
    public ProgressBar(PrintStream out, Style style, LongSupplier clock, long minIntervalNanos, int maxWidth) {
        this.out = Objects.requireNonNull(out, "out");
        this.style = Objects.requireNonNull(style, "style");
        this.quiet = style == Style.QUIET;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (minIntervalNanos < 0) {
            throw new IllegalArgumentException("minIntervalNanos = " + minIntervalNanos + ": must be >= 0");
        }
        if (maxWidth < 40) {
            throw new IllegalArgumentException("maxWidth = " + maxWidth + ": must be at least 40");
        }
        this.minIntervalNanos = minIntervalNanos;
        this.maxWidth = maxWidth;
    }

    /**
     * A bar on {@code System.err} in the style {@link #styleFor} chooses: live on an interactive console, log
     * lines when output is redirected, quiet when asked ({@code -q}) or in CI.
     */
    public static ProgressBar forTerminal(boolean quietRequested) {
        Style style = styleFor(quietRequested, System.console() != null, System.getenv());
        return new ProgressBar(System.err, style, System::nanoTime,
                style == Style.LOG ? LOG_INTERVAL_NANOS : DEFAULT_MIN_INTERVAL_NANOS, terminalWidth(System.getenv()));
    }

    /**
     * Quiet if requested or when {@code CI} is set to anything but an explicit {@code false}/{@code 0} (CI
     * services set {@code CI=true}; {@code CI=false} is a way to say "not CI"); otherwise live on a console and
     * log lines without one (output redirected to a file or piped: a long run still says how far it is).
     */
    public static Style styleFor(boolean quietRequested, boolean hasConsole, Map<String, String> env) {
        String ci = env.get("CI");
        if (quietRequested || (ci != null && !ci.equalsIgnoreCase("false") && !ci.equals("0"))) {
            return Style.QUIET;
        }
        return hasConsole ? Style.LIVE : Style.LOG;
    }

    /** Terminal width from {@code COLUMNS} if it is exported and sane, else 100. */
    static int terminalWidth(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
            return columns >= 40 && columns <= 1000 ? columns - 1 : 100; // -1: no auto-wrap on the last cell
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    @Override
    public void update(String task, long done, long total, String status) {
        Objects.requireNonNull(task, "task");
        if (done < 0) {
            throw new IllegalArgumentException("progress of \"" + task + "\": done = " + done + ": must be >= 0");
        }
        if (total > 0 && done > total) {
            throw new IllegalArgumentException("progress of \"" + task + "\": done = " + done + " exceeds total = "
                    + total);
        }
        if (quiet) {
            return;
        }
        synchronized (this) {
            long now = clock.getAsLong();
            Task t = active.computeIfAbsent(task, k -> new Task(k, now, done));
            t.done = done;
            t.total = total;
            // A line break inside the status would break the single-line display.
            t.status = status == null ? "" : status.replace('\n', ' ').replace('\r', ' ');
            if (total > 0 && done == total) {
                active.remove(task);
                // The finished task gets a permanent line; the others continue on the live line below it.
                printPermanent(render(t, now, true));
                if (style == Style.LIVE) {
                    drawLive(now); // the others continue on the live line; a log waits for its next interval
                }
            } else if (lastDraw == Long.MIN_VALUE || now - lastDraw >= minIntervalNanos) {
                drawLive(now);
            }
        }
    }

    /** Prints a message on its own line above the live bar (which is redrawn below it). */
    public synchronized void log(String message) {
        if (quiet) {
            return;
        }
        printPermanent(message);
        if (style == Style.LIVE) {
            drawLive(clock.getAsLong());
        }
    }

    /** Ends the live line (with a newline) so later output starts on a fresh line. Unfinished tasks are dropped. */
    @Override
    public synchronized void close() {
        if (quiet) {
            return;
        }
        if (!active.isEmpty() && style == Style.LIVE) {
            drawLive(clock.getAsLong()); // a log already holds their last state, at most an interval old
        }
        if (liveLength > 0) {
            out.print('\n');
            out.flush();
            liveLength = 0;
        }
        active.clear();
    }

    private void printPermanent(String line) {
        String cut = cut(line);
        if (style == Style.LOG) {
            out.println(cut);
            out.flush();
            return;
        }
        out.print('\r');
        out.print(cut);
        pad(cut.length());
        out.print('\n');
        liveLength = 0;
        out.flush();
    }

    private void drawLive(long now) {
        lastDraw = now;
        if (active.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        boolean compact = active.size() > 1;
        for (Task t : active.values()) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(compact ? renderCompact(t, now) : render(t, now, false));
        }
        String line = cut(sb.toString());
        if (style == Style.LOG) {
            out.println(line); // a whole line: a file has no carriage-return redraw
            out.flush();
            return;
        }
        out.print('\r');
        out.print(line);
        pad(line.length());
        liveLength = line.length();
        out.flush();
    }

    /** Blanks out what is left of a longer previous line (no ANSI codes: works on any terminal). */
    private void pad(int length) {
        if (liveLength > length) {
            out.print(" ".repeat(liveLength - length));
        }
    }

    private String cut(String line) {
        return line.length() <= maxWidth ? line : line.substring(0, maxWidth - 1) + "~";
    }

    private static String render(Task t, long now, boolean finished) {
        StringBuilder sb = new StringBuilder(t.name).append(' ');
        double rate = t.rate(now);
        if (t.total > 0) {
            double fraction = (double) t.done / t.total;
            sb.append(String.format(Locale.ROOT, "%3d%% [", (int) Math.floor(100 * fraction)));
            int filled = (int) Math.floor(BAR_CELLS * fraction);
            sb.append("#".repeat(filled)).append(" ".repeat(BAR_CELLS - filled)).append("] ");
            sb.append(t.done).append('/').append(t.total);
        } else {
            sb.append(t.done);
        }
        sb.append(' ').append(formatRate(rate));
        if (finished) {
            sb.append(" in ").append(formatDuration((now - t.start) / 1e9));
        } else if (t.total > 0) {
            sb.append(" ETA ").append(rate > 0 ? formatDuration((t.total - t.done) / rate) : "?");
        }
        if (!t.status.isEmpty()) {
            sb.append("  ").append(t.status);
        }
        return sb.toString();
    }

    private static String renderCompact(Task t, long now) {
        if (t.total <= 0) {
            return t.name + " " + t.done;
        }
        double rate = t.rate(now);
        return String.format(Locale.ROOT, "%s %d%% ETA %s", t.name, (int) Math.floor(100.0 * t.done / t.total),
                rate > 0 ? formatDuration((t.total - t.done) / rate) : "?");
    }

    static String formatRate(double perSecond) {
        return NumberFormats.rate(perSecond);
    }

    /** {@code m:ss} or {@code h:mm:ss}. */
    static String formatDuration(double seconds) {
        return NumberFormats.clock(seconds);
    }

    private static final class Task {
        final String name;
        final long start;
        final long startDone;
        long done;
        long total;
        String status = "";

        Task(String name, long start, long startDone) {
            this.name = name;
            this.start = start;
            this.startDone = startDone;
        }

        /** Units per second since the first update. */
        double rate(long now) {
            double elapsed = (now - start) / 1e9;
            return elapsed > 0 ? (done - startDone) / elapsed : 0;
        }
    }
}

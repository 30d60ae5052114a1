package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vaevar.harness.io.NumberFormats;

/**
 * The short summary of a reproduction, every statement computed from the table: where the learned prior wins and
 * loses and by how much (or, without it, 4D-Var against 3D-Var), how close the best variational method comes to
 * the ensemble reference, divergences, tuned values at a grid edge, the
 * Gaussian's choice of B, and the ablations. No statement is written by hand.
 */
public final class Summary {

    private Summary() {
    }

    /** One bullet per statement, in markdown. */
    public static List<String> statements(ReproductionResult result) {
        List<String> out = new ArrayList<>();
        List<ResultRow> rows = result.rows();
        Plan plan = result.plan();
        if (plan.learned() != null) {
            String prefix = plan.learned().prefix();
            out.add(comparison(rows, prefix + "-3dvar", "3dvar"));
            out.add(comparison(rows, prefix + "-4dvar", "4dvar"));
        } else {
            out.add("No VAE-Var rows: " + plan.learnedAbsent() + ". The table compares the Gaussian methods only.");
            out.add(comparison(rows, "4dvar", "3dvar"));
        }
        String ensemble = EnsembleComparison.statement(EnsembleComparison.of(rows));
        if (ensemble != null) {
            out.add(ensemble);
        }
        out.add(divergences(rows));
        String unconverged = notConverging(rows);
        if (unconverged != null) {
            out.add(unconverged);
        }
        String tracking = notTracking(result);
        if (tracking != null) {
            out.add(tracking);
        }
        out.add(gridEdges(rows));
        String b = bChoice(rows);
        if (b != null) {
            out.add(b);
        }
        out.addAll(ablations(result.ablationRows()));
        return out;
    }

    /**
     * How {@code method} fares against {@code reference} across the settings where both completed: wins by the
     * mean RMSE, and how many of them hold with the 95 % interval of the paired improvement above zero (over
     * replications when there are two or more, else over the evaluation seeds). A setting where the reference does
     * not track the truth is counted apart: beating a method that does not track is no gain.
     */
    static String comparison(List<ResultRow> rows, String method, String reference) {
        record Pair(ResultRow row, double gain) {
        }
        List<Pair> pairs = new ArrayList<>();
        List<String> onlyMethodDiverged = new ArrayList<>();
        List<String> onlyReferenceDiverged = new ArrayList<>();
        List<String> referenceNotTracking = new ArrayList<>();
        int settings = 0;
        int significantWins = 0;
        int significantLosses = 0;
        String over = "seed";
        for (ResultRow r : rows) {
            if (!r.method().name().equals(method)) {
                continue;
            }
            Optional<ResultRow> ref = rows.stream().filter(x -> x.setting().id().equals(r.setting().id())
                    && x.method().name().equals(reference)).findFirst();
            if (ref.isEmpty()) {
                continue;
            }
            settings++;
            if (r.complete() && ref.get().complete()) {
                double gain = 100 * (ref.get().analysis().mean() / r.analysis().mean() - 1);
                if (Boolean.FALSE.equals(ref.get().tracks())) {
                    referenceNotTracking.add(String.format(Locale.ROOT, "%s (%s RMSE / climatology %.2f)",
                            r.setting().label(), reference, ref.get().trackingRatio()));
                    continue;
                }
                pairs.add(new Pair(r, gain));
                if (r.replications().size() >= 2) {
                    over = "replication";
                }
                SeedStatistics p = paired(r, ref.get());
                if (Double.isFinite(p.halfWidth95())) {
                    if (p.mean() - p.halfWidth95() > 0) {
                        significantWins++;
                    } else if (p.mean() + p.halfWidth95() < 0) {
                        significantLosses++;
                    }
                }
            } else if (!r.complete() && ref.get().complete()) {
                onlyMethodDiverged.add(r.setting().label());
            } else if (r.complete()) {
                onlyReferenceDiverged.add(r.setting().label());
            }
        }
        if (settings == 0) {
            return "**" + method + "** was not run.";
        }
        StringBuilder sb = new StringBuilder();
        long wins = pairs.stream().filter(p -> p.gain() > 0).count();
        sb.append(String.format(Locale.ROOT, "**%s** has a lower mean analysis RMSE than **%s** in %d of %d settings "
                + "where both completed and %s tracks the truth", method, reference, wins, pairs.size(), reference));
        sb.append(String.format(Locale.ROOT, " (%d with the 95 %% interval of the paired per-%s improvement above "
                + "zero, %d with it below zero)", significantWins, over, significantLosses));
        sb.append('.');
        if (!pairs.isEmpty()) {
            Pair best = pairs.stream().max(Comparator.comparingDouble(Pair::gain)).orElseThrow();
            Pair worst = pairs.stream().min(Comparator.comparingDouble(Pair::gain)).orElseThrow();
            if (best.gain() > 0) {
                sb.append(" Largest gain: ").append(percent(best.gain())).append(" (").append(best.row().setting()
                        .label()).append(").");
            }
            List<Pair> losses = pairs.stream().filter(p -> p.gain() <= 0)
                    .sorted(Comparator.comparingDouble(Pair::gain)).toList();
            if (losses.isEmpty()) {
                sb.append(" No losses.");
            } else {
                sb.append(" Losses: ");
                List<String> l = new ArrayList<>();
                for (Pair p : losses) {
                    l.add(p.row().setting().label() + " (" + percent(p.gain()) + ")");
                }
                sb.append(String.join(", ", l)).append('.');
            }
            if (wins > 1) {
                double minGain = pairs.stream().filter(p -> p.gain() > 0).mapToDouble(Pair::gain).min().orElseThrow();
                sb.append(" Gains range from ").append(percent(minGain)).append(" to ").append(percent(best.gain()))
                        .append('.');
            }
            if (worst.gain() <= 0 && best.gain() <= 0) {
                sb.append(" It does not win anywhere.");
            }
        }
        if (!referenceNotTracking.isEmpty()) {
            sb.append(" Baseline does not track (RMSE / climatology not below ")
                    .append(org.vaevar.harness.report.RunChecks.TRACKING_RATIO).append("), so no gain is counted: ")
                    .append(String.join(", ", referenceNotTracking)).append('.');
        }
        if (!onlyMethodDiverged.isEmpty()) {
            sb.append(" It diverged where ").append(reference).append(" completed: ")
                    .append(String.join(", ", onlyMethodDiverged)).append('.');
        }
        if (!onlyReferenceDiverged.isEmpty()) {
            sb.append(" It completed where ").append(reference).append(" diverged: ")
                    .append(String.join(", ", onlyReferenceDiverged)).append('.');
        }
        return sb.toString();
    }

    /**
     * The paired improvement 100·(RMSE_reference / RMSE − 1) of two complete rows: per replication (the ratio of the
     * replication's mean RMSEs) when there are two or more, else per seed; with its t-interval.
     */
    static SeedStatistics paired(ResultRow row, ResultRow reference) {
        if (row.replications().size() >= 2) {
            double[] p = new double[row.replications().size()];
            for (int r = 0; r < p.length; r++) {
                p[r] = 100 * (reference.replications().get(r).analysis().mean()
                        / row.replications().get(r).analysis().mean() - 1);
            }
            return SeedStatistics.of(p);
        }
        return paired(row.outcome(), reference.outcome());
    }

    /** Per seed, 100·(RMSE_reference,i / RMSE_i − 1), with its t-interval. */
    static SeedStatistics paired(MethodOutcome o, MethodOutcome reference) {
        double[] p = new double[o.runs().size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = 100 * (reference.runs().get(i).rmseAnalysis() / o.runs().get(i).rmseAnalysis() - 1);
        }
        return SeedStatistics.of(p);
    }

    static String divergences(List<ResultRow> rows) {
        List<String> d = new ArrayList<>();
        for (ResultRow r : rows) {
            if (r.diverged()) {
                d.add(r.method().name() + " in " + r.setting().label() + " (" + r.note() + ")");
            }
        }
        if (d.isEmpty()) {
            return "No method diverged on any seed (" + rows.size() + " method–setting pairs).";
        }
        return d.size() + " of " + rows.size() + " method–setting pairs diverged: " + String.join("; ", d) + ".";
    }

    /** More than this share of a method's cycles not converging flags it (as {@code run} warns). */
    static final double NOT_CONVERGED_FLAG = 0.1;

    /**
     * Methods whose minimisations did not converge (stopped by an iteration or evaluation cap or a failed line search)
     * in more than a tenth of their cycles, averaged over seeds: their RMSE is that of an unfinished analysis.
     */
    static String notConverging(List<ResultRow> rows) {
        List<String> bad = new ArrayList<>();
        for (ResultRow r : rows) {
            List<MethodOutcome> outcomes = r.replications().isEmpty() ? List.of(r.outcome())
                    : r.replications().stream().map(ResultRow::outcome).toList();
            double share = outcomes.stream().flatMap(o -> o.runs().stream()).mapToDouble(SeedRun::notConverged)
                    .filter(Double::isFinite).average().orElse(Double.NaN);
            if (share > NOT_CONVERGED_FLAG) {
                bad.add(String.format(Locale.ROOT, "%s in %s (%.0f %% of cycles)", r.method().name(),
                        r.setting().label(), 100 * share));
            }
        }
        return bad.isEmpty() ? null : bad.size() + " method–setting pair" + (bad.size() == 1 ? "" : "s")
                + " did not converge in more than a tenth of their cycles: " + String.join("; ", bad) + ".";
    }

    /**
     * Rows whose analysis RMSE is not below {@link org.vaevar.harness.report.RunChecks#TRACKING_RATIO} times the
     * climatological mean's: those methods do not track the truth.
     */
    static String notTracking(ReproductionResult result) {
        List<String> bad = new ArrayList<>();
        int complete = 0;
        for (ResultRow r : result.rows()) {
            if (r.tracks() == null) {
                continue;
            }
            complete++;
            if (!r.tracks()) {
                bad.add(String.format(Locale.ROOT, "%s in %s (%s vs %s, ratio %.2f)", r.method().name(),
                        r.setting().label(), ResultTables.fmt(r.analysis().mean()),
                        ResultTables.fmt(r.climatologyRmse()), r.trackingRatio()));
            }
        }
        double threshold = org.vaevar.harness.report.RunChecks.TRACKING_RATIO;
        if (bad.isEmpty()) {
            return complete == 0 ? null : String.format(Locale.ROOT, "Every completed method tracks the truth "
                    + "(analysis RMSE below %.1f of the climatology RMSE of its setting).", threshold);
        }
        return String.format(Locale.ROOT, "%d of %d completed method–setting pairs do not track the truth "
                + "(analysis RMSE not below %.1f of the climatology RMSE): ", bad.size(), complete, threshold)
                + String.join("; ", bad) + ".";
    }

    static String gridEdges(List<ResultRow> rows) {
        List<String> e = new ArrayList<>();
        for (ResultRow r : rows) {
            if (r.choice() != null && r.choice().atGridEdge()) {
                e.add(r.method().name() + " in " + r.setting().label() + " (" + r.method().tunedParameter() + " "
                        + NumberFormats.compact(r.choice().value()) + ")");
            }
        }
        if (e.isEmpty()) {
            return "Every tuned value lies inside the range its search tried.";
        }
        return e.size() + " tuned value" + (e.size() == 1 ? " lies at an edge of the range its search"
                : "s lie at an edge of the range their search") + " tried, so the best value may lie outside it: "
                + String.join("; ", e) + ".";
    }

    /** Which B the Gaussian methods chose where they had a choice. */
    static String bChoice(List<ResultRow> rows) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (ResultRow r : rows) {
            if (r.method().family() == MethodSpec.Family.GAUSSIAN && r.method().candidates().size() > 1
                    && r.choice() != null) {
                counts.computeIfAbsent(r.method().name(), k -> new TreeMap<>())
                        .merge(r.choice().candidate(), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((method, byCandidate) -> {
            List<String> c = new ArrayList<>();
            byCandidate.forEach((label, n) -> c.add(label + " in " + n));
            parts.add(method + ": " + String.join(", ", c));
        });
        return "Gaussian B chosen on the tuning seed, where there was a choice (settings): " + String.join("; ", parts)
                + ".";
    }

    static List<String> ablations(List<ResultRow> rows) {
        Map<String, List<ResultRow>> byAblation = new java.util.LinkedHashMap<>();
        for (ResultRow r : rows) {
            byAblation.computeIfAbsent(r.method().ablation(), k -> new ArrayList<>()).add(r);
        }
        List<String> out = new ArrayList<>();
        byAblation.forEach((label, list) -> {
            List<Double> changes = list.stream().map(ResultRow::changeVsFullPercent).filter(c -> c != null)
                    .toList();
            long worse = changes.stream().filter(c -> c > 0).count();
            long refused = list.stream().filter(r -> r.outcome().refused()).count();
            long diverged = list.stream().filter(ResultRow::diverged).count();
            StringBuilder sb = new StringBuilder("Ablation **" + label + "**: ");
            if (changes.isEmpty()) {
                sb.append("no setting to compare with the full method");
            } else {
                double mean = changes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                sb.append(String.format(Locale.ROOT, "analysis RMSE higher than the full method in %d of %d settings "
                        + "(mean change %s)", worse, changes.size(), percent(mean)));
            }
            if (diverged > 0) {
                sb.append("; diverged in ").append(diverged);
            }
            if (refused > 0) {
                sb.append("; not applicable in ").append(refused);
            }
            out.add(sb.append('.').toString());
        });
        return out;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%+.1f %%", p);
    }
}

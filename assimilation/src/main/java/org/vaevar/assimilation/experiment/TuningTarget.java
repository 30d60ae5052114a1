package org.vaevar.assimilation.experiment;

import org.vaevar.api.plugin.AssimilationMethodProvider;

/**
 * Which section {@code tuning.parameter} tunes: {@code "method.inflation"} a method parameter,
 * {@code "prior.inflation"} a prior parameter, and a bare name ({@code "inflation"}, as older configs write it)
 * the prior's when the method analyses with a prior (variational), else the method's.
 *
 * @param section   "prior" or "method"
 * @param parameter the parameter's name within that section
 */
public record TuningTarget(String section, String parameter) {

    public static final String PRIOR = "prior";
    public static final String METHOD = "method";

    public static TuningTarget resolve(String parameter, AssimilationMethodProvider method) {
        if (parameter.startsWith(METHOD + ".")) {
            return new TuningTarget(METHOD, parameter.substring(METHOD.length() + 1));
        }
        if (parameter.startsWith(PRIOR + ".")) {
            return new TuningTarget(PRIOR, parameter.substring(PRIOR.length() + 1));
        }
        return new TuningTarget(method.usesPrior() ? PRIOR : METHOD, parameter);
    }

    public boolean tunesMethod() {
        return section.equals(METHOD);
    }
}

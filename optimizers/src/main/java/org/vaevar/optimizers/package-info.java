/**
 * Minimizers behind {@link org.vaevar.api.Minimizer}: {@link org.vaevar.optimizers.Lbfgs} (limited-memory BFGS
 * with a strong-Wolfe line search, allocation-free in its inner loop) and
 * {@link org.vaevar.optimizers.CommonsMathConjugateGradient} (Apache Commons Math's nonlinear conjugate gradient
 * behind the same interface). Both read {@link org.vaevar.api.StoppingCriteria} through {@link
 * org.vaevar.optimizers.StoppingCheck}, so switching the minimizer keeps a comparison fair.
 */
package org.vaevar.optimizers;

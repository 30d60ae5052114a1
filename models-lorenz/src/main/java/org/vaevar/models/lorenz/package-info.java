/**
 * Lorenz 63 and Lorenz 96 as {@link org.vaevar.api.ode.OdeModel}s: each supplies its tendency with hand-written
 * Jacobian and transposed-Jacobian actions; the shared RK4 integrates and differentiates. Registered as model
 * plugins "lorenz63" and "lorenz96".
 */
package org.vaevar.models.lorenz;

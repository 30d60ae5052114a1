package org.vaevar.assimilation.inject;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import jakarta.inject.Qualifier;

/** The model that makes forecasts (and whose tangent-linear and adjoint the cost uses). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface Forecast {
}

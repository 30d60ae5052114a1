package org.vaevar.assimilation.inject;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import jakarta.inject.Qualifier;

/** The model that makes the truth of a twin experiment (the forecast model unless the experiment is imperfect). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
public @interface Truth {
}

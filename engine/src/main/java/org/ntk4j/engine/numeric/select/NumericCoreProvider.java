package org.ntk4j.engine.numeric.select;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.ntk4j.api.NumericCore;
import org.ntk4j.engine.numeric.ScalarNumericCore;

/** Guice's way to the selected core: the scalar core as built by Guice, passed to the selection. */
public final class NumericCoreProvider implements Provider<NumericCore> {

    private final ScalarNumericCore scalar;

    @Inject
    public NumericCoreProvider(ScalarNumericCore scalar) {
        this.scalar = scalar;
    }

    @Override
    public NumericCore get() {
        return NumericCoreSelection.select(scalar).core();
    }
}

package org.ntk4j.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Map;
import org.ntk4j.api.ActivationType;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.NumericCore;
import org.ntk4j.engine.linalg.LinearAlgebra;
import org.ntk4j.engine.linalg.LinearAlgebras;
import org.ntk4j.engine.numeric.select.NumericCoreProvider;
import org.ntk4j.engine.plugin.Contribution;
import org.ntk4j.engine.plugin.PluginRegistry;
import org.ntk4j.engine.spec.LayerCatalog;

/**
 * The composition root's bindings: the discovered layer types and activations (filled once from
 * the {@link PluginRegistry}), and the numeric back-end with the scalar core as default. Fast and
 * side-effect free: discovery happened before, in {@link PluginRegistry#discover}.
 */
final class EngineModule extends AbstractModule {
    private final PluginRegistry registry;

    EngineModule(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        MapBinder<String, LayerType> layers = MapBinder.newMapBinder(binder(), String.class, LayerType.class);
        registry.layers().forEach((name, c) -> layers.addBinding(name).toInstance(c.value()));
        MapBinder<String, ActivationType> activations =
                MapBinder.newMapBinder(binder(), String.class, ActivationType.class);
        registry.activations().forEach((name, c) -> activations.addBinding(name).toInstance(c.value()));
        OptionalBinder.newOptionalBinder(binder(), NumericCore.class).setDefault()
                .toProvider(NumericCoreProvider.class).in(Singleton.class);
        bind(PluginRegistry.class).toInstance(registry);
    }

    /** Native OpenBLAS when it loads, else pure-Java EJML; decided once per process. */
    @Provides
    @Singleton
    LinearAlgebra linearAlgebra() {
        return LinearAlgebras.best();
    }

    @Provides
    @Singleton
    LayerCatalog catalog(Map<String, LayerType> layers, Map<String, ActivationType> activations) {
        return new LayerCatalog(layers, activations, name -> {
            Contribution<?> c = registry.layers().containsKey(name)
                    ? registry.layers().get(name) : registry.activations().get(name);
            return c == null ? "?" : c.source();
        });
    }
}

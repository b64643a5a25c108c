/**
 * JMH benchmarks, {@link dev.kplan.bench.EngineScale} (plan and apply at scale through the engine, a
 * plain main since an apply changes its state), and the generators of the configurations they run
 * on (built with {@code -Pbench}).
 */
package dev.kplan.bench;

/** JMH benchmarks and the generators of the configurations they run on (built with {@code -Pbench}). */
package dev.kplan.bench;

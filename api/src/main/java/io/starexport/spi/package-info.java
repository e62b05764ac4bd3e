/**
 * Service-provider interfaces: implement {@link io.starexport.spi.Platform} to add a platform and
 * {@link io.starexport.spi.OutputFormat} to add an output format, then declare the implementation in
 * {@code META-INF/services} and in {@code module-info.java} ({@code provides … with …}).
 * A plugin depends on this module only, never on the engine.
 */
package io.starexport.spi;

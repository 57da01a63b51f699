/**
 * <b>Internal</b>: the configuration, task packing, offsets and record conversion behind
 * {@code dev.inlet.kafka.connect}. No other module uses this package; it may change in any release.
 */
package dev.inlet.kafka.connect.internal;

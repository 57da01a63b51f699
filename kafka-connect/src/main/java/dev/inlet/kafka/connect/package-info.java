/**
 * Inlet on Kafka Connect: {@link dev.inlet.kafka.connect.InletSourceConnector} runs the streams an
 * {@link dev.inlet.kafka.connect.InletConnectorFactory} gives for each {@link dev.inlet.kafka.connect.Tenant}
 * as a source connector, with Inlet positions as offsets and one transaction per page under
 * exactly-once. See {@code docs/kafka-connect.md}.
 */
package dev.inlet.kafka.connect;

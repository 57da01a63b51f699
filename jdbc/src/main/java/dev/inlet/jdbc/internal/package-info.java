/** Internals of inlet-jdbc: row mapping, key encoding and table inspection. Not an API; may change in any release. */
package dev.inlet.jdbc.internal;

/**
 * <b>Internal</b> to inlet-declarative (concealed: no other module may use it): the YAML reader with
 * locations, the definition's parts as read and checked, placeholder resolution, and the mapping onto
 * connectors. May change in any release.
 */
package dev.inlet.declarative.internal;

/**
 * HTTP/1.1 on blocking sockets, behind {@link dev.inlet.core.http.SocketTransport}: connections, their
 * pool, the response head's parser and the body streams (fixed length, chunked, until close). Internal:
 * not part of Inlet's API.
 */
package dev.inlet.core.http.internal.wire;

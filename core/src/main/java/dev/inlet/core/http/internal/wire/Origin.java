package dev.inlet.core.http.internal.wire;

/** Where a connection goes: scheme, host and port (the pool's key). */
record Origin(boolean tls, String host, int port) {

    @Override
    public String toString() {
        return (tls ? "https://" : "http://") + host + ":" + port;
    }
}

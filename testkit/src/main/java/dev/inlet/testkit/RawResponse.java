package dev.inlet.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the fake answers, before the socket layer applies the request's fault. */
record RawResponse(int status, Map<String, String> headers, byte[] body, Optional<Fault> fault) {

    static RawResponse json(int status, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return new RawResponse(status, h, body, Optional.empty());
    }

    RawResponse withHeaders(Map<String, String> extra) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putAll(extra);
        return new RawResponse(status, h, body, fault);
    }

    RawResponse withFault(Optional<Fault> f) {
        return new RawResponse(status, headers, body, f);
    }
}

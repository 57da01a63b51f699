package dev.inlet.core.http;

import java.io.IOException;
import java.util.Optional;

/**
 * Follows redirects hop by hop, each hop through the links after this one (so credentials are
 * re-decided per hop), dropping credential headers when a hop leaves the origin.
 */
final class RedirectGuard implements Interceptor {

    private final int maxRedirects;

    RedirectGuard(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        for (int hop = 0; hop < maxRedirects && Redirects.isRedirect(response); hop++) {
            Optional<Request> next = Redirects.follow(request, response);
            if (next.isEmpty()) {
                return response;
            }
            response.close();
            request = next.get();
            response = chain.proceed(request);
        }
        return response;
    }
}

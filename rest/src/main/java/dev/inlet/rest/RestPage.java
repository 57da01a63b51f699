package dev.inlet.rest;

import dev.inlet.core.error.BodyErrorException;
import dev.inlet.core.InletListener;
import dev.inlet.core.OpenPage;
import dev.inlet.core.error.PaginationException;
import dev.inlet.core.Position;
import dev.inlet.core.internal.Redaction;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.error.TransportException;
import dev.inlet.core.http.Request;
import dev.inlet.core.http.Response;
import dev.inlet.core.http.internal.Urls;
import dev.inlet.core.retry.BodyVerdict;
import dev.inlet.rest.decode.BodyDecoder;
import dev.inlet.rest.decode.DecodeContext;
import dev.inlet.rest.decode.DecodedBody;
import dev.inlet.rest.decode.Decoders;
import dev.inlet.rest.internal.ExcerptingInputStream;
import dev.inlet.rest.paginate.PageFacts;
import dev.inlet.rest.paginate.StopCondition;
import java.io.IOException;
import dev.inlet.core.RunWarning;
import dev.inlet.rest.paginate.Paginators;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One REST page being read: records streamed from the decoder, then — at the end of the body —
 * the body classifier, the stop conditions and the paginator decide the next position.
 */
final class RestPage implements OpenPage {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RestPage.class);

    private final RestSource source;
    private final Request request;
    private final Response response;
    private final ResponseInfo info;
    private final Position position;
    private final DecodedBody body;
    private final long limit;
    private int count;
    private JsonNode last;
    private boolean ended;
    private Optional<Position> next;
    /** On the last page, where a later run starts (sync APIs); see {@link #continuationToken()}. */
    private Optional<String> continuation = Optional.empty();
    private final List<RunWarning> warnings = new ArrayList<>(0);

    private RestPage(RestSource source, Request request, Response response, Position position, DecodedBody body) {
        this.source = source;
        this.request = request;
        this.response = response;
        this.info = response.info();
        this.position = position;
        this.body = body;
        // The records the page really held before the ones it yields: its skip, or fewer if it shrank.
        int skipped = body.skipped();
        this.count = skipped < 0 ? position.skip() : skipped;
        this.last = body.lastSkipped();
        if (count < position.skip()) {
            warn(RunWarning.SKIP_BEYOND_PAGE, position.describe() + " from " + info.redactedUri() + " now holds "
                    + count + " records, but the saved position had delivered " + position.skip() + " of it (the "
                    + "page shrank since, or the state was edited); paging goes on after the records it holds");
        }
        long max = source.endpoint().maxRecords();
        this.limit = max == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, max - position.recordsBefore());
    }

    /** Starts decoding a 2xx response as the page at the position; owns the response from here. */
    static OpenPage open(RestSource source, Request request, Response response, Position position) {
        RestEndpoint endpoint = source.endpoint();
        ExcerptingInputStream in = new ExcerptingInputStream(response.body());
        String where = request.toString();
        DecodeContext context = new DecodeContext(endpoint.recordsPointer(), source.mapper(), position.skip(),
                endpoint.paginator().needsLastRecord(), endpoint.missingRecordsAsEmpty(), where, in::excerpt,
                source.binder(), source.pipeline().limits());
        try {
            int first = in.peekFirstByte();
            if (response.status() == 204 || first == -1 && endpoint.emptyBodyIsEmptyPage()) {
                response.close();
                return new RestPage(source, request, response, position, EmptyBody.INSTANCE);
            }
            BodyDecoder decoder = Decoders.choose(endpoint.format(), endpoint.decoders(),
                    response.headers().first("Content-Type"), first, context);
            return new RestPage(source, request, response, position, decoder.decode(in, context));
        } catch (IOException e) {
            response.close();
            throw new TransportException(where + ": the connection failed while reading the body: " + e, false, e);
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
    }

    @Override
    public Position position() {
        return position;
    }

    @Override
    public ResponseInfo response() {
        return info;
    }

    @Override
    public boolean hasNext() {
        if (ended) {
            return false;
        }
        if (count < limit && body.hasNext()) {
            return true;
        }
        end();
        return false;
    }

    @Override
    public JsonNode next() {
        // The caller has just asked hasNext(), so the body holds the record: no second check chain.
        if (ended || count >= limit) {
            throw new NoSuchElementException("no more records on " + position.describe());
        }
        JsonNode record = body.next();
        count++;
        last = record;
        return record;
    }

    /** The body is read: classify it and decide the next position, before declaring the page done. */
    private void end() {
        ended = true;
        boolean truncated = position.recordsBefore() + count >= source.endpoint().maxRecords();
        JsonNode envelope = body.envelope();
        BodyVerdict verdict = source.pipeline().retryPolicy().bodyClassifier().classify(info, envelope);
        if (verdict != BodyVerdict.ACCEPT) {
            close();
            throw new BodyErrorException("The body of the " + info.status() + " response from " + request
                    + " reports an error: " + excerpt(envelope), verdict == BodyVerdict.RETRY);
        }
        close();
        if (body.deferredFailure().isPresent()) {
            throw body.deferredFailure().get();
        }
        if (count == 0 && source.endpoint().missingRecordsAsEmpty() && !source.endpoint().recordsPointer().isEmpty()
                && envelope.at(source.endpoint().recordsPointer()).isMissingNode()) {
            // Treating a missing path as an empty page is what was asked for, but an error body also
            // lacks it: say so, or a run that ends early would look like a complete one.
            LOG.warn("{} of connector '{}' has no records at {}; treated as an empty page because "
                    + "missingRecordsAsEmpty is set (a BodyClassifier can tell error bodies apart)",
                    position.describe(), source.connector(), source.endpoint().recordsPointer());
        }
        next = truncated ? Optional.empty() : computeNext(envelope);
        if (endpointHasNoPaginator()) {
            PagingSignals.find(info, envelope).filter(signal -> source.firstUnfollowedPaging()).ifPresent(signal ->
                    warn(RunWarning.UNFOLLOWED_PAGING, "it has no paginator, but " + position.describe() + " from "
                            + info.redactedUri() + " says more pages follow (" + signal + "); only this page is read."
                            + " Configure paginator(...) (e.g. Paginators.linkHeader() or bodyCursor(...)); "
                            + "reported once per connector"));
        }
    }

    private boolean endpointHasNoPaginator() {
        return source.endpoint().paginator() == Paginators.singlePage();
    }

    private void warn(String kind, String message) {
        LOG.warn("Connector '{}': {}", source.connector(), message);
        warnings.add(new RunWarning(source.connector(), kind, message, Optional.of(position)));
    }

    @Override
    public List<RunWarning> warnings() {
        return List.copyOf(warnings);
    }

    private Optional<Position> computeNext(JsonNode envelope) {
        RestEndpoint endpoint = source.endpoint();
        Optional<JsonNode> lastRecord = body.lastRecordTree().or(() -> Optional.ofNullable(last));
        // A page without a body (a 204, an empty body taken as an empty page) has no paging fields to miss.
        PageFacts facts = new PageFacts(request, position, info, envelope, count, lastRecord,
                endpoint.absentMeansEnd() || body == EmptyBody.INSTANCE);
        boolean stopped = false;
        for (StopCondition stop : endpoint.stopConditions()) {
            stopped = stopped || stop.isLastPage(facts);
        }
        Optional<String> token = stopped ? Optional.empty() : endpoint.paginator().nextToken(facts);
        if (token.isEmpty()) {
            // The last page: a sync API may say where the next run starts.
            continuation = endpoint.paginator().continuationToken(facts).map(t -> allowed(t, "continuation"));
            return Optional.empty();
        }
        String nextToken = allowed(token.get(), "next page");
        if (position.token().filter(nextToken::equals).isPresent()) {
            throw new PaginationException("The page after " + position.describe() + " from " + request
                    + " has the same token as this page; paging would loop forever",
                    "The API returned the same cursor or link twice; check the paginator's configuration");
        }
        return Optional.of(position.next(nextToken, count));
    }

    /**
     * A token to store: a URL without the credentials' query parameters, and only on an allowed origin (a
     * position is stored and its URL requested with credentials).
     */
    private String allowed(String token, String what) {
        RestEndpoint endpoint = source.endpoint();
        String nextToken = endpoint.paginator().tokensAreUrls() ? withoutSecrets(request, token) : token;
        if (endpoint.paginator().tokensAreUrls() && !endpoint.allows(URI.create(nextToken))) {
            String target = Redaction.uri(URI.create(nextToken), request.sensitiveParameters());
            InletListener.OriginRefused event = new InletListener.OriginRefused(source.connector(),
                    request.redactedUri(), target, what + " on an origin not allowed; allow it with allowOrigin(...)");
            try {
                source.pipeline().listener().originRefused(event);
            } catch (RuntimeException listenerFailure) {
                LOG.warn("An InletListener failed; the run goes on", listenerFailure);
            }
            throw new PaginationException("The " + what + " of " + request + " is on another origin ("
                    + target + ") than the configured "
                    + endpoint.origin() + "; refusing to follow it",
                    "If that origin is trusted, allow it with allowOrigin(...); credentials are never sent there "
                            + "unless they are configured for it");
        }
        return nextToken;
    }

    /**
     * A next-page URL without the query parameters the pipeline's credentials add (an API key the
     * server echoed into its link): a position is stored, so it must not carry the key, and the
     * credential adds it again on every attempt. Other parameters are kept byte for byte.
     */
    static String withoutSecrets(Request request, String url) {
        if (request.sensitiveParameters().isEmpty()) {
            return url;
        }
        try {
            return Urls.withoutQueryParameters(URI.create(url), request.sensitiveParameters()).toString();
        } catch (IllegalArgumentException notAUrl) {
            return url;
        }
    }

    @Override
    public Optional<Position> nextPosition() {
        if (!ended) {
            throw new IllegalStateException("the next position of " + position.describe()
                    + " is known only after all its records were read");
        }
        return next;
    }

    @Override
    public Optional<String> continuationToken() {
        nextPosition();
        return continuation;
    }

    @Override
    public void close() {
        body.close();
        response.close();
    }

    private static String excerpt(JsonNode envelope) {
        String text = envelope.toString();
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }

    /** The body of a 204, or an empty 2xx the endpoint treats as an empty page. */
    private enum EmptyBody implements DecodedBody {
        INSTANCE;

        @Override
        public boolean hasNext() {
            return false;
        }

        @Override
        public JsonNode next() {
            throw new NoSuchElementException("an empty body has no records");
        }

        @Override
        public JsonNode envelope() {
            return dev.inlet.core.Json.mapper().createObjectNode();
        }

        @Override
        public int skipped() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}

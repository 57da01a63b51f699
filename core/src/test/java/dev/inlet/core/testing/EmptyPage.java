package dev.inlet.core.testing;

import dev.inlet.core.OpenPage;
import dev.inlet.core.Position;
import dev.inlet.core.ResponseInfo;
import dev.inlet.core.http.Response;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A page without records and without a next page, over a response it closes: a page decoder for
 * tests of the pipeline itself ({@code pipeline.openPage(position, request, EmptyPage::new)}).
 */
public record EmptyPage(Response owner, Position position) implements OpenPage {

    @Override
    public ResponseInfo response() {
        return owner.info();
    }

    @Override
    public Optional<Position> nextPosition() {
        return Optional.empty();
    }

    @Override
    public boolean hasNext() {
        return false;
    }

    @Override
    public JsonNode next() {
        throw new NoSuchElementException();
    }

    @Override
    public void close() {
        owner.close();
    }
}

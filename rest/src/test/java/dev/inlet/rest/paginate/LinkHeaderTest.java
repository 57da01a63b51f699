package dev.inlet.rest.paginate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import dev.inlet.rest.internal.LinkHeader;

/** RFC 8288 Link header parsing: quoted params, several links, whitespace, odd but legal input. */
class LinkHeaderTest {

    @Test
    void gitHubStyleHeaderWithSeveralLinks() {
        String value = "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", "
                + "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"";
        assertThat(LinkHeader.find(List.of(value), "next")).contains("https://api.github.com/repositories/1/issues?page=2");
        assertThat(LinkHeader.find(List.of(value), "last")).contains("https://api.github.com/repositories/1/issues?page=5");
        assertThat(LinkHeader.find(List.of(value), "prev")).isEmpty();
    }

    @Test
    void commasAndSemicolonsInsideTheUriOrQuotesDoNotSplit() {
        String value = "<https://h/x?a=1,2;b=3>; title=\"a, b; c\"; rel=next,<https://h/y>;rel=\"prev\"";
        List<LinkHeader.Link> links = LinkHeader.parse(List.of(value));
        assertThat(links).hasSize(2);
        assertThat(links.get(0).uri()).isEqualTo("https://h/x?a=1,2;b=3");
        assertThat(links.get(0).params()).containsEntry("title", "a, b; c").containsEntry("rel", "next");
        assertThat(links.get(1).hasRel("PREV")).isTrue();
    }

    @Test
    void relMayListSeveralTypesAndParamNamesIgnoreCase() {
        List<LinkHeader.Link> links = LinkHeader.parse(List.of("<  /p/3  >  ;  REL = \"last  next\"  "));
        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.uri()).isEqualTo("/p/3");
            assertThat(l.hasRel("next")).isTrue();
            assertThat(l.hasRel("last")).isTrue();
        });
    }

    @Test
    void escapedQuotesAndSeveralHeaderFields() {
        List<LinkHeader.Link> links = LinkHeader.parse(List.of("<a>; title=\"say \\\"hi\\\"\"; rel=self",
                "<b>; rel=next"));
        assertThat(links).extracting(LinkHeader.Link::uri).containsExactly("a", "b");
        assertThat(links.get(0).params()).containsEntry("title", "say \"hi\"");
        assertThat(LinkHeader.find(List.of("<a>; rel=self", "<b>; rel=next"), "next")).contains("b");
    }

    @Test
    void theFirstRelWinsWhenRepeated() {
        assertThat(LinkHeader.parse(List.of("<a>; rel=next; rel=prev")).get(0).hasRel("prev")).isFalse();
    }

    @Test
    void malformedValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> LinkHeader.parse(List.of("https://h/x; rel=next")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected '<'");
        assertThatThrownBy(() -> LinkHeader.parse(List.of("<https://h/x; rel=next")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated '<'");
        assertThatThrownBy(() -> LinkHeader.parse(List.of("<a>; title=\"open")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated quote");
        assertThat(LinkHeader.parse(List.of("", " , "))).isEmpty();
    }
}

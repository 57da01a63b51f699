package dev.inlet.rest.paginate;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A reason to treat a page as the last one, checked after the page is read, in addition to the
 * paginator's own end (no next token). Any condition that holds ends paging.
 *
 * <p>A short page (fewer records than asked for) is not proof of the end — some APIs return short
 * pages mid-stream — so {@link #shortPage(int)} applies only when asked for.
 *
 * <p>The conditions that read a field ({@link #whenFalse}, {@link #whenTrue}, {@link #totalCount})
 * fail with a {@link dev.inlet.core.error.PaginationException} when the field is absent from a body, naming
 * the fields present: a misspelt pointer would otherwise never stop anything. A {@code null} value
 * does not hold. With the endpoint's {@code absentMeansEnd()}, an absent field reads as null.
 */
@FunctionalInterface
public interface StopCondition {

    /** Whether the page just read is the last. */
    boolean isLastPage(PageFacts page);

    /** A page without records is the last. */
    static StopCondition emptyPage() {
        return page -> page.recordCount() == 0;
    }

    /** The last page says so with a false flag, e.g. {@code whenFalse("/has_more")}. */
    static StopCondition whenFalse(String pointer) {
        Paginators.requirePointer(pointer);
        return page -> page.pagingField(pointer, "the flag of stopWhen(whenFalse)").map(v -> v.isBoolean()
                && !v.booleanValue()
                || v.isString() && v.asString().equalsIgnoreCase("false")).orElse(false);
    }

    /** The last page says so with a true flag, e.g. {@code whenTrue("/meta/last_page")}. */
    static StopCondition whenTrue(String pointer) {
        Paginators.requirePointer(pointer);
        return page -> page.pagingField(pointer, "the flag of stopWhen(whenTrue)").map(v -> v.isBoolean()
                && v.booleanValue()
                || v.isString() && v.asString().equalsIgnoreCase("true")).orElse(false);
    }

    /**
     * A total count in the body is reached: the records of this page and all before it are at least
     * the number at the pointer, e.g. {@code totalCount("/total_count")}.
     */
    static StopCondition totalCount(String pointer) {
        Paginators.requirePointer(pointer);
        return page -> {
            Optional<JsonNode> total = page.pagingField(pointer, "the total of stopWhen(totalCount)")
                    .filter(v -> v.isNumber() || v.isString());
            if (total.isEmpty()) {
                return false;
            }
            long count;
            try {
                count = total.get().isNumber() ? total.get().asLong() : Long.parseLong(total.get().asString().trim());
            } catch (NumberFormatException notANumber) {
                return false;
            }
            return page.position().recordsBefore() + page.recordCount() >= count;
        };
    }

    /** No more than this many pages in a run. */
    static StopCondition maxPages(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1, was " + pages);
        }
        return page -> page.position().pageIndex() + 1 >= pages;
    }

    /** A page with fewer records than the page size is the last (only for APIs known to behave so). */
    static StopCondition shortPage(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
        return page -> page.recordCount() < pageSize;
    }

    /** This condition or the other. */
    default StopCondition or(StopCondition other) {
        Objects.requireNonNull(other, "other");
        return page -> isLastPage(page) || other.isLastPage(page);
    }
}

package dev.lede.query;

import java.time.Duration;
import java.util.Objects;

/**
 * Which articles to find as related to one article: how many, and optionally only those published
 * before it (background) or within some days of it. Immutable; each method returns a changed copy
 * and checks its value at once.
 *
 * @param id the article's id
 * @param size how many related articles, 1 to 1,000; 10 by default
 * @param before only articles published before the article (undated ones left out)
 * @param window only articles published within this long of the article, before or after (undated
 *     ones left out), or {@code null} (the default) for any date
 */
public record RelatedRequest(String id, int size, boolean before, Duration window) {
    /** The most related articles one request may ask for. */
    public static final int MAX_SIZE = 1_000;

    public RelatedRequest {
        Objects.requireNonNull(id, "id");
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", not " + size);
        }
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("window must be positive, not " + window);
        }
    }

    /** The 10 articles most related to the one with {@code id}, of any date. */
    public static RelatedRequest of(String id) {
        return new RelatedRequest(id, 10, false, null);
    }

    /** How many related articles. */
    public RelatedRequest size(int size) {
        return new RelatedRequest(id, size, before, window);
    }

    /** Only articles published before this one: background to it. */
    public RelatedRequest before(boolean before) {
        return new RelatedRequest(id, size, before, window);
    }

    /** Only articles published within {@code window} of this one; {@code null} for any date. */
    public RelatedRequest window(Duration window) {
        return new RelatedRequest(id, size, before, window);
    }

    /** Whether the request limits dates, which needs the article to have one. */
    public boolean hasDateWindow() {
        return before || window != null;
    }
}

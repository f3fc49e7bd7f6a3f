package com.agentfactory.messaging.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, then where the page stands in the whole list. */
public record PageResponse<T>(List<T> items, Pagination pagination) {

    public PageResponse {
        items = List.copyOf(items);
    }

    public static <T> PageResponse<T> of(List<T> items, long total, int page, int limit) {
        return new PageResponse<>(items, Pagination.of(total, page, limit));
    }

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(items.stream().<R>map(mapper).toList(), pagination);
    }

    /** Pages count from 1; {@code total_pages} is 0 for an empty list. */
    public record Pagination(long total, int page, int limit, long totalPages) {

        public static Pagination of(long total, int page, int limit) {
            return new Pagination(total, page, limit, limit <= 0 ? 0 : (total + limit - 1) / limit);
        }

        /** The offset of the page's first row, for a query. */
        public long offset() {
            return (long) (page - 1) * limit;
        }
    }
}

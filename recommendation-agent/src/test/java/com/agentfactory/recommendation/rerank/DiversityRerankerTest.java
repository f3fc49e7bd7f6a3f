package com.agentfactory.recommendation.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DiversityRerankerTest {

    private record Item(String id, String category) {}

    private static final Function<Item, String> CATEGORY = Item::category;

    @Test
    void reachesThirtyPercentDistinctCategoriesInAListOfTen() {
        List<Item> candidates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            candidates.add(new Item("shoe-" + i, "shoes"));
        }
        candidates.add(new Item("hat", "hats"));
        candidates.add(new Item("book", "books"));

        List<Item> list = DiversityReranker.rerank(candidates, 10, 0.3, CATEGORY);

        assertThat(list).hasSize(10);
        assertThat(list.stream().map(Item::category).distinct()).hasSize(3);
        // the best candidates keep their places; only the tail makes room
        assertThat(list.subList(0, 8)).isEqualTo(candidates.subList(0, 8));
    }

    @Test
    void keepsTheOrderWhenTheListIsAlreadyDiverse() {
        List<Item> candidates = List.of(new Item("a", "x"), new Item("b", "y"), new Item("c", "z"), new Item("d", "x"));

        assertThat(DiversityReranker.rerank(candidates, 4, 0.3, CATEGORY)).isEqualTo(candidates);
    }

    @Test
    void fillsTheListWhenTheCatalogHasTooFewCategories() {
        List<Item> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candidates.add(new Item("shoe-" + i, "shoes"));
        }

        List<Item> list = DiversityReranker.rerank(candidates, 10, 0.3, CATEGORY);

        assertThat(list).isEqualTo(candidates);
        assertThat(new HashSet<>(list)).hasSize(10);
    }
}

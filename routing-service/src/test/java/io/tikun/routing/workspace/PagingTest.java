package io.tikun.routing.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void countsPagesRoundingUp() {
        assertThat(new Paging(0, 25, 51).pages()).isEqualTo(3);
        assertThat(new Paging(0, 25, 50).pages()).isEqualTo(2);
    }

    @Test
    void anEmptyListHasOneEmptyPage() {
        Paging none = new Paging(0, 25, 0);
        assertThat(none.pages()).isEqualTo(1);
        assertThat(none.hasNext()).isFalse();
        assertThat(none.hasPrevious()).isFalse();
    }

    @Test
    void theMiddlePageLinksBothWays() {
        Paging middle = new Paging(1, 25, 51);
        assertThat(middle.number()).isEqualTo(2);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();
        assertThat(new Paging(2, 25, 51).hasNext()).isFalse();
    }

    @Test
    void aPagePastTheEndShowsTheLast() {
        assertThat(new Paging(9, 25, 51).clamped().page()).isEqualTo(2);
        assertThat(new Paging(-3, 25, 51).page()).isZero();
    }
}

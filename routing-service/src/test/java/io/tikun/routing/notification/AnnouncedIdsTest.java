package io.tikun.routing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AnnouncedIdsTest {

    private static List<UUID> ids(int how) {
        return IntStream.range(0, how).mapToObj(i -> UUID.randomUUID()).toList();
    }

    @Test
    void onlyTheFirstIdSinceTheLastTakeAsksForARead() {
        AnnouncedIds announced = new AnnouncedIds(10);
        List<UUID> burst = ids(3);

        assertThat(burst.stream().map(announced::add).toList()).containsExactly(true, false, false);
        assertThat(announced.take()).containsExactly(burst);
        assertThat(announced.add(UUID.randomUUID())).isTrue();
    }

    @Test
    void takesEverythingInTheOrderAnnouncedInChunksOfAtMostTheReadSize() {
        AnnouncedIds announced = new AnnouncedIds(4);
        List<UUID> burst = ids(10);
        burst.forEach(announced::add);

        assertThat(announced.take()).containsExactly(burst.subList(0, 4), burst.subList(4, 8), burst.subList(8, 10));
        assertThat(announced.take()).isEmpty();
    }

    @Test
    void anIdAddedAfterATakeIsReadByTheNextOne() {
        AnnouncedIds announced = new AnnouncedIds(4);
        announced.add(UUID.randomUUID());
        announced.take();
        UUID late = UUID.randomUUID();

        assertThat(announced.add(late)).isTrue();
        assertThat(announced.take()).containsExactly(List.of(late));
    }

    @Test
    void refusesAReadSizeBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AnnouncedIds(0));
    }
}

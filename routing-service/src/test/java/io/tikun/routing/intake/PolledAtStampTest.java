package io.tikun.routing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class PolledAtStampTest {

    private static final TopicPartition URGENT = new TopicPartition("complaints.received.urgent", 0);

    @Test
    void stampsEveryRecordOfAPollWithTheInstantThePollReturnedIt() {
        ConsumerRecord<Object, Object> first = new ConsumerRecord<>(URGENT.topic(), 0, 7, "a", "{}");
        ConsumerRecord<Object, Object> second = new ConsumerRecord<>(URGENT.topic(), 0, 8, "b", "{}");
        long before = System.currentTimeMillis();

        new PolledAtStamp().onConsume(new ConsumerRecords<>(Map.of(URGENT, List.of(first, second)), Map.of()));

        long after = System.currentTimeMillis();
        for (ConsumerRecord<Object, Object> record : List.of(first, second)) {
            assertThat(PolledAtStamp.polledAt(record.headers())).hasValueSatisfying(
                    polled -> assertThat(polled).isBetween(before, after));
        }
    }

    @Test
    void aRecordWithoutAStampOrWithAMalformedOneHasNoPollInstant() {
        RecordHeaders malformed = new RecordHeaders();
        malformed.add(PolledAtStamp.HEADER, new byte[] { 1, 2, 3 });

        assertThat(PolledAtStamp.polledAt(new RecordHeaders())).isEmpty();
        assertThat(PolledAtStamp.polledAt(malformed)).isEmpty();
    }
}

package io.tikun.routing.intake;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Stamps each record with the instant the consumer's poll returned it (header {@value #HEADER}, epoch milliseconds),
 * so the urgent lane can tell the time a record spent reaching the consumer (the broker's append and the fetch) from
 * the time it then waited to be handled. Kafka instantiates it from {@code interceptor.classes}; it runs on
 * the connector's polling thread and only adds a header.
 */
public class PolledAtStamp implements ConsumerInterceptor<Object, Object> {

    static final String HEADER = "tikun-polled-at";

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        byte[] now = ByteBuffer.allocate(Long.BYTES).putLong(System.currentTimeMillis()).array();
        for (ConsumerRecord<Object, Object> record : records) {
            record.headers().add(HEADER, now);
        }
        return records;
    }

    /** When the poll returned the record, if it was stamped. */
    static Optional<Long> polledAt(Headers headers) {
        Header stamp = headers.lastHeader(HEADER);
        return stamp == null || stamp.value().length != Long.BYTES ? Optional.empty()
                : Optional.of(ByteBuffer.wrap(stamp.value()).getLong());
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // Nothing to do on a commit.
    }

    @Override
    public void close() {
        // Holds nothing.
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Takes no settings.
    }
}

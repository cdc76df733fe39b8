package io.tikun.routing.reports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Builds the response-times report: measurements from the tables, business minutes, statistics per group. */
@ApplicationScoped
public class ResponseTimeService {

    private final ResponseTimeRepository repository;
    private final BusinessMinutes business;

    public ResponseTimeService(ResponseTimeRepository repository, BusinessMinutes business) {
        this.repository = repository;
        this.business = business;
    }

    public Uni<ResponseTimeReport> report(GroupBy by, Instant from, Instant to) {
        return repository.firstResponses(from, to).chain(first -> repository.replies(from, to)
                .map(replies -> new ResponseTimeReport(by.name().toLowerCase(Locale.ROOT), from, to,
                        groups(by, first, replies))));
    }

    /** First responses and replies given in {@code [from, to)}, unsummarized, for reports over several periods. */
    public Uni<Measures> measures(Instant from, Instant to) {
        return repository.firstResponses(from, to)
                .chain(first -> repository.replies(from, to).map(replies -> new Measures(first, replies)));
    }

    /** The answers of a period, to be bucketed and summarized as {@link #report} does. */
    public record Measures(List<ResponseMeasure> firstResponses, List<ResponseMeasure> replies) {
    }

    /** One group per key that has a first response or a reply, in key order. */
    public List<ResponseTimeReport.Group> groups(GroupBy by, List<ResponseMeasure> first, List<ResponseMeasure> replies) {
        Map<String, double[]> firstByKey = minutesByKey(by, first);
        Map<String, double[]> repliesByKey = minutesByKey(by, replies);
        TreeSet<String> keys = new TreeSet<>(firstByKey.keySet());
        keys.addAll(repliesByKey.keySet());
        return keys.stream()
                .map(key -> new ResponseTimeReport.Group(key,
                        ResponseStats.of(firstByKey.getOrDefault(key, new double[0])),
                        ResponseStats.of(repliesByKey.getOrDefault(key, new double[0]))))
                .toList();
    }

    private Map<String, double[]> minutesByKey(GroupBy by, List<ResponseMeasure> measures) {
        return measures.stream().collect(Collectors.groupingBy(by::keyOf, TreeMap::new, Collectors.collectingAndThen(
                Collectors.toList(), list -> list.stream().mapToDouble(business::minutes).toArray())));
    }
}

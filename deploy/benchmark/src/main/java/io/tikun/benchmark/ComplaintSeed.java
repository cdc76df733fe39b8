package io.tikun.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Intake's complaint store for the customer timeline: copies of one complaint intake itself accepted and stored
 * (so every field is as intake writes it), each under its own id, reference, idempotency key, customer and time,
 * with no pending events, plus the customers and a case event per complaint on the timeline. The customers are
 * routing's seeded ones ({@code cust-N}, drawn with the same skew), so the biggest customer has the most complaints.
 */
final class ComplaintSeed {

    /** What was loaded, how long it took and how much heap the in-memory server holds for it. */
    record Loaded(int complaints, int customers, Duration took, long heapBeforeMiB, long heapAfterMiB,
            List<String> sampleCustomers) {
    }

    private static final int BATCH = 1_000;

    private final String connectionString;
    private final String database;

    ComplaintSeed(String connectionString, String database) {
        this.connectionString = connectionString;
        this.database = database;
    }

    Loaded load(String templateComplaintId, int complaints, int customers) {
        long heapBefore = usedHeapMiB();
        long start = System.nanoTime();
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoDatabase db = client.getDatabase(database);
            MongoCollection<Document> store = db.getCollection("complaints");
            Document template = store.find(Filters.eq("_id", templateComplaintId)).first();
            if (template == null) {
                throw new IllegalStateException("intake did not store complaint " + templateComplaintId);
            }
            Document customerTemplate = db.getCollection("customers").find(Filters.eq("_id", template.get("customerId")))
                    .first();
            Random random = new Random(2026);
            Instant now = Instant.now();
            boolean[] seen = new boolean[customers];
            List<Document> batch = new ArrayList<>(BATCH);
            List<Document> events = new ArrayList<>(BATCH);
            List<Document> people = new ArrayList<>();
            for (int i = 1; i <= complaints; i++) {
                double u = random.nextDouble();
                int customer = (int) Math.floor(u * u * customers);
                String customerId = "cust-" + customer;
                Instant at = now.minusSeconds((long) (random.nextDouble() * 365 * 24 * 3600));
                Document copy = new Document(template);
                copy.remove("pendingEvents");
                copy.remove("outboxClaimedUntil");
                copy.put("_id", "seed-" + i);
                copy.put("reference", "SD-" + i);
                copy.put("idempotencyKey", "seed-" + i);
                copy.put("customerId", customerId);
                copy.put("receivedAt", Date.from(at));
                copy.put("threadKeys", List.of("seed-thread:" + i));
                batch.add(copy);
                events.add(new Document("_id", "seed-event-" + i).append("customerId", customerId).append("kind", "CASE")
                        .append("at", Date.from(at.plusSeconds(60))).append("channel", copy.getString("channel"))
                        .append("complaintId", "seed-" + i).append("reference", "SD-" + i).append("text", null)
                        .append("severity", null).append("change", "opened").append("status", "OPEN")
                        .append("actor", null).append("dueAt", null));
                if (!seen[customer] && customerTemplate != null) {
                    seen[customer] = true;
                    Document person = new Document(customerTemplate);
                    person.put("_id", customerId);
                    person.remove("identities");
                    person.put("identities", List.of("seed:" + customerId));
                    people.add(person);
                }
                if (batch.size() == BATCH) {
                    store.insertMany(batch);
                    db.getCollection("timeline_events").insertMany(events);
                    batch.clear();
                    events.clear();
                }
                if (people.size() == BATCH) {
                    db.getCollection("customers").insertMany(people);
                    people.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.insertMany(batch);
                db.getCollection("timeline_events").insertMany(events);
            }
            if (!people.isEmpty()) {
                db.getCollection("customers").insertMany(people);
            }
            List<String> seeded = new ArrayList<>();
            for (int c = 0; c < seen.length; c++) {
                if (seen[c]) {
                    seeded.add("cust-" + c);
                }
            }
            List<String> sample = new ArrayList<>();
            for (int k = 0; k < 200 && !seeded.isEmpty(); k++) {
                sample.add(seeded.get(random.nextInt(seeded.size())));
            }
            return new Loaded(complaints, seeded.size(), Duration.ofNanos(System.nanoTime() - start), heapBefore,
                    usedHeapMiB(), sample);
        }
    }

    private static long usedHeapMiB() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }
}

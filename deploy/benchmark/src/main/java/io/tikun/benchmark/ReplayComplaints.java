package io.tikun.benchmark;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of complaints for the hotspot replay: weeks of background with the rhythm of an Israeli service desk
 * (busy Sunday to Thursday, quiet Friday and Saturday, low at night, peaks late morning and evening), Hebrew and
 * English, products by popularity, categories by share; and spikes injected on top of it, each a number of customers
 * complaining about one subject within a few hours.
 */
final class ReplayComplaints {

    static final ZoneId LOCAL = ZoneId.of("Asia/Jerusalem");
    /** Share of a day's complaints in each local hour, 0 to 23. */
    private static final double[] HOURLY = { 0.6, 0.3, 0.2, 0.2, 0.2, 0.4, 1.0, 2.0, 3.5, 5.0, 6.0, 6.5, 6.5, 6.0, 5.5, 5.0,
            4.5, 4.5, 5.0, 6.0, 6.5, 5.5, 3.5, 1.5 };
    private static final double HOURLY_TOTAL = java.util.Arrays.stream(HOURLY).sum();
    private static final String[] CATEGORIES = { "delivery", "billing", "refund", "product_defect", "installation_or_visit",
            "staff_behaviour", "waiting_time", "other" };
    private static final double[] CATEGORY_SHARE = { 0.20, 0.12, 0.10, 0.22, 0.10, 0.08, 0.10, 0.08 };

    /** What a spike is about: a catalogued product, or a defect nobody has named (an emerging term). */
    enum SpikeKind {
        PRODUCT,
        TERM
    }

    record Spike(String id, SpikeKind kind, String subject, Instant start, List<ReplayComplaint> complaints) {
    }

    private final SplittableRandom random;
    private final ReplayText text;
    private final List<ReplayProduct> products;
    private final double[] productWeight;
    private final java.util.function.UnaryOperator<String> termForm;
    private int serial;

    /** @param termForm how intake's analysis writes a word as an emerging term (the subject a TERM spike should raise) */
    ReplayComplaints(long seed, List<ReplayProduct> products, java.util.function.UnaryOperator<String> termForm) {
        this.termForm = termForm;
        this.random = new SplittableRandom(seed);
        this.text = new ReplayText(random);
        this.products = products;
        // popularity falls with rank, as sales do: the first product draws several times the last one
        this.productWeight = new double[products.size()];
        for (int i = 0; i < products.size(); i++) {
            productWeight[i] = 1 / Math.pow(i + 1, 0.8);
        }
    }

    /** Complaints of an ordinary period, in time order: {@code perWorkday} on Sunday to Thursday, fewer at weekends. */
    List<ReplayComplaint> background(Instant start, int weeks, double perWorkday, int customerPool) {
        List<ReplayComplaint> all = new ArrayList<>();
        Instant end = start.plus(Duration.ofDays(7L * weeks));
        for (Instant hour = start; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
            ZonedDateTime local = hour.atZone(LOCAL);
            double mean = perWorkday * dayFactor(local.getDayOfWeek()) * HOURLY[local.getHour()] / HOURLY_TOTAL;
            int count = poisson(mean);
            for (int i = 0; i < count; i++) {
                Instant at = hour.plusMillis(random.nextLong(Duration.ofHours(1).toMillis()));
                String customer = "customer-" + random.nextInt(customerPool);
                all.add(ordinary(customer, at));
            }
        }
        all.sort(Comparator.comparing(ReplayComplaint::receivedAt));
        return all;
    }

    /**
     * {@code size} complaints from as many new customers within {@code spread}, the first at {@code start}: about one
     * catalogued product, or (TERM) mentioning in {@code termLanguage} a defect the background never names, about any
     * product.
     */
    Spike spike(String id, SpikeKind kind, Instant start, int size, Duration spread, ReplayProduct product,
            String termLanguage) {
        List<ReplayComplaint> complaints = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Instant at = i == 0 ? start : start.plusMillis(random.nextLong(spread.toMillis()));
            String customer = id + "-customer-" + i;
            String language = kind == SpikeKind.TERM ? termLanguage : random.nextInt(100) < 55 ? "he" : "en";
            String orderNumber = random.nextInt(3) == 0 ? orderNumber() : null;
            if (kind == SpikeKind.PRODUCT) {
                ReplayText.Written written = text.complaint(language, "product_defect", product.name(language), orderNumber);
                complaints.add(complaint(customer, at, language, product.id(), "product_defect", written, id));
            } else {
                ReplayProduct any = products.get(random.nextInt(products.size()));
                ReplayText.Written written = text.novelDefect(language, any.name(language), orderNumber);
                complaints.add(complaint(customer, at, language, any.id(), "product_defect", written, id));
            }
        }
        complaints.sort(Comparator.comparing(ReplayComplaint::receivedAt));
        String subject = kind == SpikeKind.PRODUCT ? product.id() : termForm.apply(ReplayText.NOVEL_TERM.get(termLanguage));
        return new Spike(id, kind, subject, start, complaints);
    }

    private ReplayComplaint ordinary(String customer, Instant at) {
        String language = random.nextInt(100) < 55 ? "he" : "en";
        String category = CATEGORIES[weighted(CATEGORY_SHARE)];
        ReplayProduct product = random.nextInt(100) < 70 ? products.get(weighted(productWeight)) : null;
        String orderNumber = random.nextInt(3) == 0 ? orderNumber() : null;
        String productName = product == null ? ("he".equals(language) ? "מוצר" : "product") : product.name(language);
        ReplayText.Written written = text.complaint(language, category, productName, orderNumber);
        return complaint(customer, at, language, product == null ? null : product.id(), category, written, null);
    }

    private ReplayComplaint complaint(String customer, Instant at, String language, String productId, String category,
            ReplayText.Written written, String spikeId) {
        serial++;
        return new ReplayComplaint("replay-" + serial, String.format("TK-R%07d", serial), customer, at, language,
                productId, category, written.subject(), written.body(), spikeId);
    }

    private String orderNumber() {
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(1_000_000 + random.nextInt(9_000_000));
            case 1 -> "ORD-" + (10_000 + random.nextInt(90_000));
            default -> "#" + (100_000 + random.nextInt(900_000));
        };
    }

    private static double dayFactor(DayOfWeek day) {
        return switch (day) {
            case FRIDAY -> 0.45;
            case SATURDAY -> 0.25;
            default -> 1.0;
        };
    }

    private int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Knuth's product method; the hourly means here are small, so it is exact and fast enough. */
    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}

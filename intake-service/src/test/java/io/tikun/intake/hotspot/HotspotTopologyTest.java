package io.tikun.intake.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tikun.intake.classification.ComplaintClassifierTest;

class HotspotTopologyTest {

    private static final Instant SUNDAY_10 = Instant.parse("2026-11-01T08:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> complaints;
    private TestInputTopic<String, String> urgentComplaints;
    private TestInputTopic<String, String> cases;
    private TestOutputTopic<String, HotspotDetected> hotspots;
    private int references;

    /**
     * One rate for every test (0.001), the same hours of the week alone and 0.5 expected at least: five customers on a
     * new subject are a hotspot and four are not, whatever else is counted. The tests of the counting use it; those of
     * the false-alarm budget and the pooled baseline start the defaults.
     */
    private static final HotspotSettings PER_TEST = HotspotSettings.defaults().withBudget(Map.of(), false)
            .withMinimumExpected(0.5).withPriorWeeks(0).withVocabularyPerWeek(0);

    @BeforeEach
    void startDriver() throws Exception {
        start(PER_TEST, SUNDAY_10);
    }

    private void restart(HotspotSettings settings) throws Exception {
        driver.close();
        wallClock = SUNDAY_10;
        start(settings, SUNDAY_10);
    }

    private void start(HotspotSettings settings, Instant wallClock) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "hotspot-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("hotspots").toString());
        driver = new TopologyTestDriver(new HotspotTopology(settings, mapper, ComplaintClassifierTest.CLASSIFIER::terms)
                .build(List.of("complaints.received", "complaints.received.urgent"), "cases.updated", "hotspots.detected"),
                props, wallClock);
        complaints = driver.createInputTopic("complaints.received", Serdes.String().serializer(),
                Serdes.String().serializer());
        urgentComplaints = driver.createInputTopic("complaints.received.urgent", Serdes.String().serializer(),
                Serdes.String().serializer());
        cases = driver.createInputTopic("cases.updated", Serdes.String().serializer(), Serdes.String().serializer());
        hotspots = driver.createOutputTopic("hotspots.detected", Serdes.String().deserializer(),
                JsonSerde.of(HotspotDetected.class, mapper).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void raisesAHotspotWhenFiveCustomersComplainAboutOneWordWithinHours() throws Exception {
        for (int i = 0; i < 5; i++) {
            file("customer-" + i, SUNDAY_10.plus(Duration.ofMinutes(20L * i)), "המזגן דולף", "המזגן דולף מים על הרצפה");
        }

        List<HotspotDetected> raised = termHotspots("דולף");
        assertThat(raised).hasSize(1);
        HotspotDetected hotspot = raised.get(0);
        assertThat(hotspot.customers()).isEqualTo(5);
        assertThat(hotspot.complaints()).isEqualTo(5);
        assertThat(hotspot.expected()).isEqualTo(0.5);
        assertThat(hotspot.baselineWeeks()).isZero();
        assertThat(hotspot.pValue()).isLessThanOrEqualTo(0.001).isCloseTo(PoissonTail.atLeast(5, 0.5),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(hotspot.windowEnd()).isEqualTo(SUNDAY_10.plus(Duration.ofMinutes(80)));
        assertThat(hotspot.windowStart()).isEqualTo(hotspot.windowEnd().minus(Duration.ofHours(6)));
        assertThat(hotspot.samples()).hasSize(5).extracting(HotspotDetected.Sample::reference).startsWith("TK-5");
    }

    @Test
    void writesTheHotspotKeyedBySubjectWithCloudEventHeaders() throws Exception {
        for (int i = 0; i < 5; i++) {
            file("customer-" + i, SUNDAY_10.plus(Duration.ofMinutes(i)), "kettle sparks", "");
        }
        var record = hotspots.readRecordsToList().stream().filter(r -> r.key().startsWith("TERM:kettl")).findFirst()
                .orElseThrow();
        assertThat(header(record.headers(), "ce_type")).isEqualTo("tikun.hotspot.detected");
        assertThat(header(record.headers(), "ce_id")).isEqualTo(record.value().hotspotId());
        assertThat(header(record.headers(), "ce_source")).isEqualTo("/tikun/intake-service");
        assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(record.timestamp()).isEqualTo(SUNDAY_10.plus(Duration.ofMinutes(4)).toEpochMilli());
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void fourCustomersOnANewSubjectAreNotYetUnlikelyEnough() throws Exception {
        for (int i = 0; i < 4; i++) {
            file("customer-" + i, SUNDAY_10.plus(Duration.ofMinutes(i)), "המקרר רועש", "");
        }
        // P(X >= 4 | 0.5) = 0.00175 is above the false-alarm rate of 0.001
        assertThat(termHotspots("רועש")).isEmpty();
    }

    @Test
    void oneCustomerComplainingManyTimesIsNotAHotspot() throws Exception {
        for (int i = 0; i < 10; i++) {
            file("the-same-customer", SUNDAY_10.plus(Duration.ofMinutes(i)), "washer broken", "the washer broke");
        }
        assertThat(termHotspots("washer")).isEmpty();
    }

    @Test
    void countsAComplaintDeliveredTwiceOnce() throws Exception {
        String first = complaint(UUID.randomUUID().toString(), "customer-a", SUNDAY_10, "dryer smoking", "");
        for (int i = 0; i < 5; i++) {
            complaints.pipeInput("customer-a", first, SUNDAY_10);
        }
        for (int i = 0; i < 3; i++) {
            file("customer-" + i, SUNDAY_10.plusSeconds(60 + i), "dryer smoking", "");
        }
        // five deliveries of one complaint and three more customers: 4 customers, below the test's threshold
        assertThat(termHotspots("dryer")).isEmpty();
        SubjectSummary summary = this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:dryer");
        assertThat(summary.complaints()).isEqualTo(4);
        assertThat(summary.customers()).isEqualTo(4);
    }

    @Test
    void aSubjectThatIsAlwaysBusyAtThisHourOfTheWeekIsNotAHotspotButTheSameCountAtAnotherHourIs() throws Exception {
        for (int week = 0; week < 4; week++) {
            Instant sunday = SUNDAY_10.plus(WEEK.multipliedBy(week));
            wallClockAt(sunday);
            for (int i = 0; i < 6; i++) {
                file("weekly-" + week + "-" + i, sunday.plus(Duration.ofMinutes(10L * i)), "billing run", "");
            }
        }
        hotspots.readValuesToList(); // the first weeks had no history yet

        Instant fifthSunday = SUNDAY_10.plus(WEEK.multipliedBy(4));
        wallClockAt(fifthSunday);
        for (int i = 0; i < 6; i++) {
            file("week4-" + i, fifthSunday.plus(Duration.ofMinutes(10L * i)), "billing run", "");
        }
        assertThat(termHotspots("bill")).as("6 customers where about 6 are usual").isEmpty();

        Instant tuesdayNight = fifthSunday.plus(Duration.ofDays(2)).plus(Duration.ofHours(13));
        wallClockAt(tuesdayNight);
        for (int i = 0; i < 6; i++) {
            file("night-" + i, tuesdayNight.plus(Duration.ofMinutes(10L * i)), "billing run", "");
        }
        List<HotspotDetected> raised = termHotspots("bill");
        assertThat(raised).as("the same count where nothing is usual").hasSize(1);
        assertThat(raised.get(0).baselineWeeks()).isEqualTo(4);
        assertThat(raised.get(0).expected()).isEqualTo(0.5);
    }

    @Test
    void withTheDefaultsThreeCustomersOnAWordNobodyUsedBeforeAreAHotspot() throws Exception {
        restart(HotspotSettings.defaults());
        for (int i = 0; i < 3; i++) {
            file("customer-" + i, SUNDAY_10.plus(Duration.ofMinutes(i)), "kettle sparks", "");
        }
        List<HotspotDetected> raised = termHotspots("kettl");
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).customers()).isEqualTo(3);
        assertThat(raised.get(0).expected()).isEqualTo(0.1);
        // two words in use: a fifth of an alarm a week over 2 x 28 windows is more than the most one test may use
        assertThat(raised.get(0).falseAlarmRate()).isEqualTo(0.001);
        assertThat(raised.get(0).pValue()).isCloseTo(PoissonTail.atLeast(3, 0.1),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theWeeklyBudgetOfTermsIsSharedByEveryWordInUseSoAmongHundredsThreeCustomersAreNotEnough() throws Exception {
        restart(HotspotSettings.defaults());
        int words = 0;
        for (int c = 0; c < 10; c++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                text.append(made(words++)).append(' ');
            }
            file("wordy-" + c, SUNDAY_10.plusSeconds(c), "", text.toString());
        }
        long terms = this.<Long> store(HotspotStores.CLOCK).get(HotspotStores.subjectCountKey(HotspotSubject.Kind.TERM));
        assertThat(terms).isGreaterThanOrEqualTo(250);

        for (int i = 0; i < 3; i++) {
            file("customer-" + i, SUNDAY_10.plus(Duration.ofMinutes(10 + i)), "kettle sparks", "");
        }
        // P(at least 3 | 0.1) = 1.5e-4, above 0.2 / (300 words x 28 windows) = 2.4e-5
        assertThat(termHotspots("kettl")).isEmpty();

        file("customer-3", SUNDAY_10.plus(Duration.ofMinutes(13)), "kettle sparks", "");
        List<HotspotDetected> raised = termHotspots("kettl");
        assertThat(raised).as("four customers: P = 3.8e-6").hasSize(1);
        assertThat(raised.get(0).customers()).isEqualTo(4);
        long termsNow = this.<Long> store(HotspotStores.CLOCK)
                .get(HotspotStores.subjectCountKey(HotspotSubject.Kind.TERM));
        assertThat(raised.get(0).falseAlarmRate()).isCloseTo(0.2 / (termsNow * 28.0),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aWordUsedAtThisHourEveryOtherDayIsNotAHotspotOnTheWeekdayItHappenedToBeQuiet() throws Exception {
        HotspotSettings everyWord = HotspotSettings.defaults().withVocabularyPerWeek(0);
        restart(everyWord.withBudget(everyWord.falseAlarmsPerWeek(), false));
        busyEveryDayButSundays();
        List<HotspotDetected> raised = termHotspots("bill");
        assertThat(raised).as("against the same hours of the week alone, which were quiet").hasSize(1);
        assertThat(raised.get(0).expected()).isEqualTo(0.1);

        restart(everyWord);
        busyEveryDayButSundays();
        assertThat(termHotspots("bill")).as("against the same hours of every day, which were busy").isEmpty();
    }

    @Test
    void aWordInEverydayUseIsNotAnEmergingTermWhenItRisesWithANewOne() throws Exception {
        restart(HotspotSettings.defaults());
        greetedEveryMorningThenSparksAtNight();
        List<HotspotDetected> raised = hotspots.readValuesToList();
        assertThat(raised).extracting(h -> h.subject().value()).as("the new word, not the greeting")
                .contains("kettl").doesNotContain("good", "morn");

        restart(HotspotSettings.defaults().withVocabularyPerWeek(0));
        greetedEveryMorningThenSparksAtNight();
        assertThat(hotspots.readValuesToList()).extracting(h -> h.subject().value())
                .as("every word tested: the greeting is as sudden at night as the sparks").contains("kettl", "good");
    }

    /**
     * Two customers a day greet with "good morning" at 10:00 for four weeks (14 a week, above the 7 that make a word
     * vocabulary); then, on a night of the fifth week, six customers write "good morning, the kettle sparks".
     */
    private void greetedEveryMorningThenSparksAtNight() throws Exception {
        for (int day = 0; day < 28; day++) {
            Instant at = SUNDAY_10.plus(Duration.ofDays(day));
            wallClockAt(at);
            for (int i = 0; i < 2; i++) {
                file("greeting-" + day + "-" + i, at.plus(Duration.ofMinutes(i)), "good morning", "");
            }
            hotspots.readValuesToList(); // the first weeks had no history yet
        }
        Instant night = SUNDAY_10.plus(Duration.ofDays(30)).plus(Duration.ofHours(17));
        wallClockAt(night);
        for (int i = 0; i < 6; i++) {
            file("night-" + i, night.plus(Duration.ofMinutes(5L * i)), "good morning", "the kettle sparks");
        }
    }

    /** Three customers about billing at 10:00 on every day of four weeks but Sundays, then three on the fifth Sunday. */
    private void busyEveryDayButSundays() throws Exception {
        for (int day = 1; day <= 28; day++) {
            Instant at = SUNDAY_10.plus(Duration.ofDays(day));
            if (day % 7 == 0 && day < 28) {
                continue;
            }
            wallClockAt(at);
            for (int i = 0; i < 3; i++) {
                file("day-" + day + "-" + i, at.plus(Duration.ofMinutes(10L * i)), "billing run", "");
            }
            if (day < 28) {
                hotspots.readValuesToList(); // the first weeks had no history yet
            }
        }
    }

    /** A made-up word of letters only, different for every number. */
    private static String made(int n) {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 3; i++) {
            word.append((char) ('a' + n % 26));
            n /= 26;
        }
        return word.append("x").toString();
    }

    @Test
    void staysQuietDuringTheCoolDownAndRaisesAgainAfterIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            file("first-" + i, SUNDAY_10.plus(Duration.ofMinutes(i)), "heater sparks", "");
        }
        assertThat(termHotspots("heater")).hasSize(1);
        for (int i = 0; i < 10; i++) {
            file("more-" + i, SUNDAY_10.plus(Duration.ofMinutes(30 + i)), "heater sparks", "");
        }
        assertThat(termHotspots("heater")).as("within the 12 h cool-down").isEmpty();

        Instant nextDay = SUNDAY_10.plus(Duration.ofHours(13));
        wallClockAt(nextDay);
        for (int i = 0; i < 5; i++) {
            file("again-" + i, nextDay.plus(Duration.ofMinutes(i)), "heater sparks", "");
        }
        assertThat(termHotspots("heater")).hasSize(1);
    }

    @Test
    void theWindowOfAQuietSubjectClosesOnTheWallClock() throws Exception {
        for (int i = 0; i < 4; i++) {
            file("early-" + i, SUNDAY_10.plus(Duration.ofMinutes(i)), "toaster burnt", "");
        }
        assertThat(this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:toaster").customers()).isEqualTo(4);

        wallClockAt(SUNDAY_10.plus(Duration.ofHours(7)));
        assertThat(this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:toaster"))
                .as("no complaint arrived, the sweep closed the window").isNull();

        file("late", SUNDAY_10.plus(Duration.ofHours(7)), "toaster burnt", "");
        assertThat(termHotspots("toaster")).as("1 customer in the new window, not 5").isEmpty();
    }

    @Test
    void aComplaintReceivedBeforeTheOldestInTheWindowLeavesItOnTimeAndTheOthersStay() throws Exception {
        file("later", SUNDAY_10.plus(Duration.ofMinutes(60)), "toaster burnt", "");
        // Arrives out of order, still inside the window: it is now the oldest sighting.
        file("earlier", SUNDAY_10.plus(Duration.ofMinutes(10)), "toaster burnt", "");
        assertThat(this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:toaster").complaints()).isEqualTo(2);

        // Stream time moves past the earlier one's window (6 h) but not the later one's.
        file("elsewhere", SUNDAY_10.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(30)), "kettle sparks", "");
        SubjectSummary toaster = this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:toaster");
        assertThat(toaster.complaints()).as("the earlier complaint left, the later stays").isEqualTo(1);
        assertThat(toaster.customers()).isEqualTo(1);

        file("elsewhere", SUNDAY_10.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(1)), "kettle sparks", "");
        assertThat(this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:toaster"))
                .as("the later one's window has passed too").isNull();
    }

    @Test
    void countsTheProductAndCategoryTheComplaintWasClassifiedUnder() throws Exception {
        for (int i = 0; i < 5; i++) {
            ObjectNode event = (ObjectNode) mapper.readTree(
                    complaint(UUID.randomUUID().toString(), "c-" + i, SUNDAY_10.plusSeconds(i), "תלונה", "לא עובד"));
            ObjectNode classification = event.putObject("classification");
            classification.putObject("product").put("id", "washing_machine").putArray("evidence").add("WM-8200");
            classification.put("category", "product_defect");
            complaints.pipeInput("c-" + i, event.toString(), SUNDAY_10);
        }
        List<HotspotDetected> raised = hotspots.readValuesToList();
        assertThat(raised).extracting(h -> h.subject().kind() + ":" + h.subject().value())
                .contains("PRODUCT:washing_machine", "CATEGORY:product_defect");
    }

    @Test
    void aProductsDefectsStandOutAsThePairOfBothWhileTheProductsTotalIsUsual() throws Exception {
        for (int week = 0; week < 4; week++) {
            Instant sunday = SUNDAY_10.plus(WEEK.multipliedBy(week));
            wallClockAt(sunday);
            for (int i = 0; i < 6; i++) {
                fileClassified("weekly-" + week + "-" + i, sunday.plus(Duration.ofMinutes(10L * i)), "washing_machine",
                        "delivery");
            }
        }
        hotspots.readValuesToList(); // the first weeks had no history yet

        Instant fifthSunday = SUNDAY_10.plus(WEEK.multipliedBy(4));
        wallClockAt(fifthSunday);
        for (int i = 0; i < 6; i++) {
            fileClassified("usual-" + i, fifthSunday.plus(Duration.ofMinutes(10L * i)), "washing_machine", "delivery");
        }
        for (int i = 0; i < 5; i++) {
            fileClassified("defect-" + i, fifthSunday.plus(Duration.ofMinutes(5 + 10L * i)), "washing_machine",
                    "product_defect");
        }
        fileClassified("no-product", fifthSunday.plus(Duration.ofMinutes(70)), null, "product_defect");
        fileClassified("other", fifthSunday.plus(Duration.ofMinutes(71)), "washing_machine", "other");

        List<String> raised = hotspots.readValuesToList().stream()
                .map(h -> h.subject().kind() + ":" + h.subject().value()).toList();
        // 11 customers on the product where 6 are usual: P = 0.04; 5 of its defects where none were: P = 1.7e-4
        assertThat(raised).contains("PRODUCT_CATEGORY:washing_machine/product_defect")
                .doesNotContain("PRODUCT:washing_machine", "PRODUCT_CATEGORY:washing_machine/delivery")
                .noneMatch(key -> key.endsWith("/other") || key.startsWith("PRODUCT_CATEGORY:/"));
        SubjectSummary pair = this.<SubjectSummary> store(HotspotStores.SUMMARIES)
                .get("PRODUCT_CATEGORY:washing_machine/product_defect");
        assertThat(pair.customers()).as("the complaint naming no product is not in the pair").isEqualTo(5);
    }

    @Test
    void aFewCustomersInOneEarlierWeekDoNotHideASpikeOnceTheShapeOfTheWeekIsBorrowed() throws Exception {
        tuesdayKettlesAfterOneEarlierClump();
        assertThat(about("kettle", hotspots.readValuesToList()))
                .as("5 customers against 1.0 from the same hours of the week: P = 3.7e-3").isEmpty();

        restart(PER_TEST.withPriorWeeks(4));
        tuesdayKettlesAfterOneEarlierClump();
        List<HotspotDetected> all = hotspots.readValuesToList();
        List<HotspotDetected> raised = about("kettle", all);
        assertThat(raised).hasSize(1);
        // same hours of the week: 4 customers in 4 weeks; of every day: 4 in 28 days; the shape of the week from every
        // product's customers at these hours: 20 in 4 Tuesdays against 116 in 28 days; shrunk with 4 weeks of it
        double shape = (20 / 4.0) / (116 / 28.0);
        double expected = (4 * 1.0 + 4 * (4 / 28.0) * shape) / 8;
        assertThat(raised.get(0).expected()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(raised.get(0).pValue()).isLessThan(0.001);
        assertThat(about("router", all)).as("the product that keeps the shape of the week, 4 customers as usual")
                .isEmpty();
    }

    /**
     * Four customers about a router at 11:00 every day; four about a kettle on the first Tuesday at 14:00; five about the
     * kettle on the fifth Tuesday at 14:00.
     */
    private void tuesdayKettlesAfterOneEarlierClump() throws Exception {
        for (int day = 0; day <= 30; day++) {
            Instant morning = SUNDAY_10.plus(Duration.ofDays(day)).plus(Duration.ofHours(1));
            wallClockAt(morning);
            for (int i = 0; i < 4; i++) {
                fileClassified("router-" + day + "-" + i, morning.plus(Duration.ofMinutes(i)), "router", "other");
            }
            Instant afternoon = morning.plus(Duration.ofHours(3));
            if (day == 2 || day == 30) {
                for (int i = 0; i < (day == 2 ? 4 : 5); i++) {
                    fileClassified("kettle-" + day + "-" + i, afternoon.plus(Duration.ofMinutes(10L * i)), "kettle",
                            "product_defect");
                }
            }
            if (day < 30) {
                hotspots.readValuesToList(); // the first weeks had no history yet
            }
        }
    }

    private static List<HotspotDetected> about(String product, List<HotspotDetected> raised) {
        return raised.stream()
                .filter(h -> h.subject().kind() == HotspotSubject.Kind.PRODUCT && h.subject().value().equals(product))
                .toList();
    }

    private void fileClassified(String customer, Instant at, String product, String category) throws Exception {
        ObjectNode event = (ObjectNode) mapper.readTree(complaint(UUID.randomUUID().toString(), customer, at, "", ""));
        ObjectNode classification = event.putObject("classification");
        if (product != null) {
            classification.putObject("product").put("id", product);
        }
        classification.put("category", category);
        complaints.pipeInput(customer, event.toString(), at);
    }

    @Test
    void countsComplaintsFromBothLanesTogetherAndFurtherMessagesNotAtAll() throws Exception {
        for (int i = 0; i < 2; i++) {
            file("ordinary-" + i, SUNDAY_10.plusSeconds(i), "boiler leaking", "");
        }
        for (int i = 0; i < 2; i++) {
            urgentComplaints.pipeInput("urgent-" + i, complaint(UUID.randomUUID().toString(), "urgent-" + i,
                    SUNDAY_10.plusSeconds(10 + i), "boiler leaking", ""), SUNDAY_10);
        }
        for (int i = 0; i < 3; i++) {
            ObjectNode further = mapper.createObjectNode().put("complaintId", "c-" + i).put("customerId", "more-" + i)
                    .put("messageId", "m-" + i).put("body", "boiler leaking").put("receivedAt",
                            SUNDAY_10.plusSeconds(20 + i).toString());
            further.putObject("customer").put("id", "more-" + i);
            complaints.pipeInput("more-" + i, further.toString(), SUNDAY_10);
        }
        assertThat(termHotspots("boiler")).as("4 customers: further messages are not complaints").isEmpty();
        assertThat(this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:boiler").customers()).isEqualTo(4);
    }

    @Test
    void skipsAnUnreadableEventAndGoesOn() throws Exception {
        complaints.pipeInput("x", "{not json", SUNDAY_10);
        complaints.pipeInput("x", "{\"complaintId\":\"a\"}", SUNDAY_10);
        for (int i = 0; i < 5; i++) {
            file("customer-" + i, SUNDAY_10.plusSeconds(i), "oven door fell", "");
        }
        assertThat(termHotspots("oven")).hasSize(1);
    }

    @Test
    void countsEveryPrefixedSpellingOfAHebrewWordAsOneTerm() throws Exception {
        String[] spellings = { "והמקרר", "המקרר", "מקרר", "במקרר", "שהמקרר" };
        for (int i = 0; i < spellings.length; i++) {
            file("fridge-" + i, SUNDAY_10.plus(Duration.ofMinutes(i)), spellings[i] + " מטפטף", "");
        }
        List<HotspotDetected> raised = termHotspots("מקרר");
        assertThat(raised).as("five customers, five spellings, one word").hasSize(1);
        assertThat(raised.get(0).customers()).isEqualTo(5);
        assertThat(this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:המקרר")).isNull();
        assertThat(this.<SubjectSummary> store(HotspotStores.SUMMARIES).get("TERM:והמקרר")).isNull();
    }

    @Test
    void countsTheRootCauseOfResolvedCasesPerProductAndPerCategory() throws Exception {
        for (int i = 0; i < 5; i++) {
            resolve("resolved-" + i, SUNDAY_10.plus(Duration.ofMinutes(10L * i)), "door seal");
        }
        List<HotspotDetected> raised = hotspots.readValuesToList().stream()
                .filter(h -> h.subject().kind() == HotspotSubject.Kind.ROOT_CAUSE).toList();
        assertThat(raised).extracting(h -> h.subject().value())
                .containsExactlyInAnyOrder("washing_machine/door seal", "product_defect/door seal");
        assertThat(raised).allSatisfy(h -> {
            assertThat(h.customers()).isEqualTo(5);
            assertThat(h.pValue()).isLessThanOrEqualTo(0.001);
            assertThat(h.windowEnd()).isEqualTo(SUNDAY_10.plus(Duration.ofMinutes(40)));
            assertThat(h.samples()).extracting(HotspotDetected.Sample::reference).contains("TK-RESOLVED-4");
        });
    }

    @Test
    void ignoresCaseChangesWithoutARootCauseAndRootCausesOfUnresolvedChanges() throws Exception {
        for (int i = 0; i < 5; i++) {
            ObjectNode noRootCause = resolvedCase("quiet-" + i, SUNDAY_10.plusSeconds(i), "door seal");
            noRootCause.remove("rootCause");
            cases.pipeInput("quiet-" + i, noRootCause.toString(), SUNDAY_10);
            ObjectNode blank = resolvedCase("blank-" + i, SUNDAY_10.plusSeconds(i), "  ");
            cases.pipeInput("blank-" + i, blank.toString(), SUNDAY_10);
            ObjectNode responded = resolvedCase("responded-" + i, SUNDAY_10.plusSeconds(i), "door seal")
                    .put("change", "responded").put("status", "RESPONDED");
            cases.pipeInput("responded-" + i, responded.toString(), SUNDAY_10);
        }
        cases.pipeInput("x", "{not json", SUNDAY_10);
        assertThat(hotspots.readValuesToList()).isEmpty();
        try (var all = this.<SubjectSummary> store(HotspotStores.SUMMARIES).all()) {
            assertThat(all.hasNext()).as("nothing counted").isFalse();
        }
    }

    @Test
    void aRootCauseOfACaseAboutNeitherProductNorCategoryCountsOnItsOwn() throws Exception {
        for (int i = 0; i < 5; i++) {
            ObjectNode event = resolvedCase("plain-" + i, SUNDAY_10.plusSeconds(i), "courier lost parcel");
            event.remove("productId");
            event.put("category", "other");
            cases.pipeInput("plain-" + i, event.toString(), SUNDAY_10);
        }
        assertThat(hotspots.readValuesToList()).extracting(h -> h.subject().kind() + ":" + h.subject().value())
                .containsExactly("ROOT_CAUSE:courier lost parcel");
    }

    private void resolve(String customer, Instant at, String rootCause) throws Exception {
        cases.pipeInput(customer, resolvedCase(customer, at, rootCause).toString(), at);
    }

    /** The fixture of a case resolved with a root cause, for another customer, complaint and time. */
    private ObjectNode resolvedCase(String customer, Instant at, String rootCause) throws Exception {
        ObjectNode event;
        try (InputStream in = getClass().getResourceAsStream("/hotspot/cases.updated.resolved-with-root-cause.json")) {
            event = (ObjectNode) mapper.readTree(in);
        }
        event.put("caseId", UUID.randomUUID().toString());
        event.put("complaintId", UUID.randomUUID().toString());
        event.put("reference", "TK-" + customer.toUpperCase(java.util.Locale.ROOT));
        event.put("customerId", customer);
        event.put("occurredAt", at.toString());
        event.put("rootCause", rootCause);
        return event;
    }

    private List<HotspotDetected> termHotspots(String term) {
        return hotspots.readValuesToList().stream()
                .filter(h -> h.subject().kind() == HotspotSubject.Kind.TERM && h.subject().value().equals(term))
                .toList();
    }

    /** Moves the driver's wall clock (which fires the sweep) to {@code instant}. */
    private void wallClockAt(Instant instant) {
        driver.advanceWallClockTime(Duration.between(wallClock, instant));
        wallClock = instant;
    }

    private Instant wallClock = SUNDAY_10;

    private void file(String customer, Instant receivedAt, String subject, String body) throws Exception {
        complaints.pipeInput(customer, complaint(UUID.randomUUID().toString(), customer, receivedAt, subject, body),
                receivedAt);
    }

    private String complaint(String id, String customer, Instant receivedAt, String subject, String body)
            throws Exception {
        ObjectNode event = mapper.createObjectNode();
        event.put("complaintId", id);
        event.put("reference", "TK-" + (++references));
        event.putObject("customer").put("id", customer);
        event.put("subject", subject);
        event.put("body", body);
        event.put("receivedAt", receivedAt.toString());
        return mapper.writeValueAsString(event);
    }

    private <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }
}

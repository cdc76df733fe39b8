package io.tikun.followup.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tikun.followup.complaint.CaseLevel;
import io.tikun.followup.returns.ReturnCalculator.Handled;

/** The return report's arithmetic on a cost model given here, with the right answers worked out by hand. */
class ReturnCalculatorTest {

    private static final Instant FROM = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-02-01T00:00:00Z");

    /** frontline 10, team lead 20, service manager 30, manager callback 40; callback 5; acquisition 100. */
    private record Model(Map<String, String> customerTier, Map<String, BigDecimal> customerValue)
            implements
                ReturnConfig {
        @Override
        public String currency() {
            return "ILS";
        }

        @Override
        public HandlingCost handlingCost() {
            return new HandlingCost() {
                @Override
                public BigDecimal frontline() {
                    return BigDecimal.TEN;
                }

                @Override
                public BigDecimal teamLead() {
                    return BigDecimal.valueOf(20);
                }

                @Override
                public BigDecimal serviceManager() {
                    return BigDecimal.valueOf(30);
                }

                @Override
                public BigDecimal managerCallback() {
                    return BigDecimal.valueOf(40);
                }
            };
        }

        @Override
        public BigDecimal callbackCost() {
            return BigDecimal.valueOf(5);
        }

        @Override
        public BigDecimal acquisitionCost() {
            return BigDecimal.valueOf(100);
        }

        @Override
        public Map<String, BigDecimal> tierValue() {
            return Map.of("basic", BigDecimal.valueOf(300), "gold", BigDecimal.valueOf(1000));
        }

        @Override
        public String defaultTier() {
            return "basic";
        }
    }

    private final ReturnCalculator calculator = new ReturnCalculator(
            new Model(Map.of("g", "gold"), Map.of("k", BigDecimal.valueOf(450))));

    @Test
    void costsEachComplaintAtItsHighestLevelAndUnknownLevelsAsFrontlinePlusCallbacks() {
        // frontline: 2 (one unknown) x 10 = 20; team lead 1 x 20 = 20; callback level 1 x 40 = 40; 3 callbacks x 5 = 15.
        ReturnReport.Handling h = calculator.handling(List.of(new Handled(null, 0), new Handled(CaseLevel.FRONTLINE, 0),
                new Handled(CaseLevel.TEAM_LEAD, 1), new Handled(CaseLevel.MANAGER_CALLBACK, 2)));

        assertThat(h.complaints()).isEqualTo(4);
        assertThat(h.byLevel()).extracting(ReturnReport.LevelCost::level, ReturnReport.LevelCost::complaints,
                l -> l.cost().intValueExact())
                .containsExactly(tuple("FRONTLINE", 2L, 20),
                        tuple("TEAM_LEAD", 1L, 20),
                        tuple("SERVICE_MANAGER", 0L, 0),
                        tuple("MANAGER_CALLBACK", 1L, 40));
        assertThat(h.callbacks()).isEqualTo(3);
        assertThat(h.callbackCost()).isEqualByComparingTo("15");
        assertThat(h.total()).isEqualByComparingTo("95");
    }

    @Test
    void valuesACustomerByOwnValueThenTierThenDefaultTierEachOnce() {
        // "a" default tier basic 300; "g" gold 1000; "k" own value 450 (over basic). "a" twice counts once.
        ReturnReport.Retained r = calculator.retained(List.of("g", "a", "k", "a"));

        assertThat(r.customers()).isEqualTo(3);
        assertThat(r.byCustomer()).extracting(ReturnReport.CustomerValue::customerId,
                ReturnReport.CustomerValue::basis, v -> v.yearlyValue().intValueExact())
                .containsExactly(tuple("a", "tier", 300),
                        tuple("g", "tier", 1000),
                        tuple("k", "customer", 450));
        assertThat(r.yearlyValue()).isEqualByComparingTo("1750");
        assertThat(r.acquisitionCostSaved()).isEqualByComparingTo("300");
    }

    @Test
    void ratioAndRoiAreBenefitAgainstHandlingCostToTwoDecimals() {
        // cost: 3 frontline x 10 = 30. benefit: "a" 300 + acquisition 100 = 400.
        // ratio 400 / 30 = 13.333.. -> 13.33; roi (400 - 30) x 100 / 30 = 1233.333.. -> 1233.33.
        ReturnReport report = calculator.report(FROM, TO,
                List.of(new Handled(null, 0), new Handled(null, 0), new Handled(null, 0)), List.of("a"));

        assertThat(report.benefit()).isEqualByComparingTo("400");
        assertThat(report.ratio()).isEqualByComparingTo("13.33");
        assertThat(report.roiPercent()).isEqualByComparingTo("1233.33");
        assertThat(report.assumptions()).extracting(ReturnReport.Assumption::name).contains(
                "handling-cost.FRONTLINE", "handling-cost.MANAGER_CALLBACK", "callback-cost", "acquisition-cost",
                "tier-value.basic", "tier-value.gold", "default-tier");
    }

    @Test
    void hasNoRatioWhenNothingWasSpentAndNamesAKnownValueAsAnAssumption() {
        ReturnReport report = calculator.report(FROM, TO, List.of(), List.of("k"));

        assertThat(report.handling().total()).isEqualByComparingTo("0");
        assertThat(report.ratio()).isNull();
        assertThat(report.roiPercent()).isNull();
        assertThat(report.assumptions()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("customer-value.k");
            assertThat(a.value()).isEqualTo("450");
        });
    }

    @Test
    void refusesACostModelThatNamesATierWithoutAValue() {
        assertThatThrownBy(() -> new ReturnCalculator(new Model(Map.of("missing", "platinum"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platinum")
                .hasMessageContaining("missing");
    }
}

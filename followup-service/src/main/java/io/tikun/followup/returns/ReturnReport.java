package io.tikun.followup.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The return on complaint handling in {@code [from, to)}: the value of churn-intent complainers who stayed against what
 * handling the window's complaints cost, with every assumption the figures rest on.
 *
 * @param handling complaints received in the window, costed by the highest level their case reached plus callbacks
 * @param retained customers whose churn watch (a churn-intent complaint received in the window) ended STAYED, each
 *        once, valued at one year plus the acquisition cost their staying saved
 * @param ratio benefit / handling cost, two decimals; null when nothing was spent
 * @param roiPercent (benefit - handling cost) / handling cost x 100, two decimals; null when nothing was spent
 * @param assumptions each configured figure and rule used, by name
 */
public record ReturnReport(Instant from, Instant to, String currency, Handling handling, Retained retained,
        BigDecimal benefit, BigDecimal ratio, BigDecimal roiPercent, List<Assumption> assumptions) {

    /** @param byLevel one line per level (unknown levels counted as FRONTLINE), every level present */
    public record Handling(long complaints, List<LevelCost> byLevel, long callbacks, BigDecimal callbackCost,
            BigDecimal total) {
    }

    public record LevelCost(String level, long complaints, BigDecimal unitCost, BigDecimal cost) {
    }

    public record Retained(long customers, List<CustomerValue> byCustomer, BigDecimal yearlyValue,
            BigDecimal acquisitionCostSaved) {
    }

    /** @param basis {@code customer} when the customer's own value is configured, else {@code tier} */
    public record CustomerValue(String customerId, String tier, String basis, BigDecimal yearlyValue) {
    }

    public record Assumption(String name, String value, String meaning) {
    }
}

package io.tikun.followup.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.tikun.followup.complaint.CaseLevel;

/** The return report's arithmetic on the cost model, with no database in sight. */
public final class ReturnCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One complaint handled: the highest level its case reached (null if unknown) and its callbacks. */
    public record Handled(CaseLevel level, int callbacks) {
    }

    private final ReturnConfig model;

    /** @throws IllegalArgumentException when a tier the model names has no yearly value (caught at start-up) */
    public ReturnCalculator(ReturnConfig model) {
        this.model = model;
        if (!model.tierValue().containsKey(model.defaultTier())) {
            throw new IllegalArgumentException("tikun.followup.returns.default-tier '" + model.defaultTier()
                    + "' has no tikun.followup.returns.tier-value");
        }
        model.customerTier().forEach((customer, tier) -> {
            if (!model.tierValue().containsKey(tier)) {
                throw new IllegalArgumentException("tikun.followup.returns.customer-tier of '" + customer + "' names tier '"
                        + tier + "', which has no tikun.followup.returns.tier-value");
            }
        });
    }

    public ReturnReport report(Instant from, Instant to, Collection<Handled> handled, Collection<String> stayed) {
        ReturnReport.Handling handling = handling(handled);
        ReturnReport.Retained retained = retained(stayed);
        BigDecimal benefit = retained.yearlyValue().add(retained.acquisitionCostSaved());
        BigDecimal cost = handling.total();
        BigDecimal ratio = cost.signum() == 0 ? null : benefit.divide(cost, 2, RoundingMode.HALF_UP);
        BigDecimal roi = cost.signum() == 0 ? null
                : benefit.subtract(cost).multiply(HUNDRED).divide(cost, 2, RoundingMode.HALF_UP);
        return new ReturnReport(from, to, model.currency(), handling, retained, benefit, ratio, roi,
                assumptions(retained));
    }

    ReturnReport.Handling handling(Collection<Handled> handled) {
        List<ReturnReport.LevelCost> byLevel = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CaseLevel level : CaseLevel.values()) {
            long count = handled.stream().filter(h -> (h.level() == null ? CaseLevel.FRONTLINE : h.level()) == level)
                    .count();
            BigDecimal unit = levelCost(level);
            BigDecimal cost = unit.multiply(BigDecimal.valueOf(count));
            byLevel.add(new ReturnReport.LevelCost(level.name(), count, unit, cost));
            total = total.add(cost);
        }
        long callbacks = handled.stream().mapToLong(Handled::callbacks).sum();
        BigDecimal callbackCost = model.callbackCost().multiply(BigDecimal.valueOf(callbacks));
        return new ReturnReport.Handling(handled.size(), byLevel, callbacks, callbackCost, total.add(callbackCost));
    }

    ReturnReport.Retained retained(Collection<String> stayed) {
        List<ReturnReport.CustomerValue> values = new TreeSet<>(stayed).stream().map(this::value).toList();
        BigDecimal yearly = values.stream().map(ReturnReport.CustomerValue::yearlyValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal saved = model.acquisitionCost().multiply(BigDecimal.valueOf(values.size()));
        return new ReturnReport.Retained(values.size(), values, yearly, saved);
    }

    /** The customer's own value when configured, else their tier's (the default tier when none is named). */
    ReturnReport.CustomerValue value(String customerId) {
        String tier = model.customerTier().getOrDefault(customerId, model.defaultTier());
        BigDecimal own = model.customerValue().get(customerId);
        if (own != null) {
            return new ReturnReport.CustomerValue(customerId, tier, "customer", own);
        }
        // every tier the model names has a value: the constructor refuses a model where one does not
        return new ReturnReport.CustomerValue(customerId, tier, "tier", model.tierValue().get(tier));
    }

    BigDecimal levelCost(CaseLevel level) {
        ReturnConfig.HandlingCost cost = model.handlingCost();
        return switch (level) {
            case FRONTLINE -> cost.frontline();
            case TEAM_LEAD -> cost.teamLead();
            case SERVICE_MANAGER -> cost.serviceManager();
            case MANAGER_CALLBACK -> cost.managerCallback();
        };
    }

    private List<ReturnReport.Assumption> assumptions(ReturnReport.Retained retained) {
        List<ReturnReport.Assumption> list = new ArrayList<>();
        for (CaseLevel level : CaseLevel.values()) {
            list.add(new ReturnReport.Assumption("handling-cost." + level.name(), levelCost(level).toPlainString(),
                    "cost of handling one complaint whose case reached " + level.name()
                            + (level == CaseLevel.FRONTLINE ? " (also used when the level is unknown)" : "")));
        }
        list.add(new ReturnReport.Assumption("callback-cost", model.callbackCost().toPlainString(),
                "cost of one manager callback routing scheduled, on top of the level's cost"));
        list.add(new ReturnReport.Assumption("acquisition-cost", model.acquisitionCost().toPlainString(),
                "cost of winning a new customer, saved for each customer who stayed"));
        for (Map.Entry<String, BigDecimal> tier : new TreeMap<>(model.tierValue()).entrySet()) {
            list.add(new ReturnReport.Assumption("tier-value." + tier.getKey(), tier.getValue().toPlainString(),
                    "yearly value of a customer of tier " + tier.getKey()));
        }
        list.add(new ReturnReport.Assumption("default-tier", model.defaultTier(),
                "the tier of a customer no customer-tier entry names"));
        for (ReturnReport.CustomerValue v : retained.byCustomer()) {
            if ("customer".equals(v.basis())) {
                list.add(new ReturnReport.Assumption("customer-value." + v.customerId(),
                        v.yearlyValue().toPlainString(), "this customer's known yearly value, instead of the tier's"));
            }
        }
        list.add(new ReturnReport.Assumption("retained", "STAYED churn watches opened in the window",
                "customers who said they would leave in a complaint received in the window and stayed, each counted "
                        + "once with one year of value"));
        list.add(new ReturnReport.Assumption("handled", "complaints received in the window",
                "each costed once, at the highest level its case reached, plus its callbacks"));
        return list;
    }
}

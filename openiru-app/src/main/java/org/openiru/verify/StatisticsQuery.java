package org.openiru.verify;

import java.time.LocalDate;

/** A statistics request: the choices as given (shown again in the form) and the filter they make. */
public record StatisticsQuery(LocalDate from, LocalDate to, String group, Long platform, String unit,
                              Statistics.Filter filter, Statistics.Grouping grouping) {
}

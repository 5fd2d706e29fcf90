package io.qbank.analytics.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.qbank.common.error.ApiException;
import io.qbank.common.error.Problem;

/** from/to query parameters: ISO dates, inclusive; default the last 30 UTC days; at most 366 days. */
record DateRange(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;

    static DateRange of(String from, String to) {
        LocalDate end = to != null ? date("to", to) : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? date("from", from) : end.minusDays(29);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("from (" + start + ") is after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.badRequest("at most " + MAX_DAYS + " days per request");
        }
        return new DateRange(start, end);
    }

    /** Parsed here, not by the framework, so that a bad date is a 400 that names the parameter (not a 404). */
    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "Bad request", name + " is not an ISO date (yyyy-MM-dd): " + value,
                    List.of(new Problem.Violation(name, "not an ISO date")));
        }
    }
}

package io.xunshi.kernel.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The platform's calendar: a day a command leaves out is today in China's time zone. */
public final class Days {

    /** The zone the platform's days are counted in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Days() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** {@code day}, or today when it is left out. */
    public static LocalDate orToday(LocalDate day) {
        return day == null ? today() : day;
    }

    /** {@code day}, or today when it is left out; a day after today is a 422 on {@code field}. */
    public static LocalDate notAfterToday(String field, LocalDate day) {
        LocalDate today = today();
        if (day == null) {
            return today;
        }
        if (day.isAfter(today)) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, field + " " + day
                    + " is in the future")
                    .withErrors(List.of(new Problem.FieldError(field, "must not be in the future"))));
        }
        return day;
    }
}

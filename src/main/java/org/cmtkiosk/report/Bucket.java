package org.cmtkiosk.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A day, week or month of a long report, for the charts (the CSV files are always per day). */
record Bucket(LocalDate first, Size size, Report.DayTally tally) {
  /** How long each bar of a chart is. */
  enum Size {
    DAY, WEEK, MONTH;

    /** Days up to two months, weeks up to a year, months beyond: readable bars on one page. */
    static Size forDays(long days) {
      return days <= 62 ? DAY : days <= 366 ? WEEK : MONTH;
    }

    LocalDate first(LocalDate day) {
      return switch (this) {
        case DAY -> day;
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> day.withDayOfMonth(1);
      };
    }
  }

  String label() {
    return switch (size) {
      case DAY, WEEK -> first.getDayOfMonth() + "/" + first.getMonthValue();
      case MONTH -> first.getMonthValue() + "/" + first.getYear();
    };
  }
}

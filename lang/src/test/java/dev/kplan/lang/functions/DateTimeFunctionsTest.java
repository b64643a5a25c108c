package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.FnencTesting.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DateTimeFunctionsTest {
  private final FnencTesting fns = new FnencTesting();

  @Test
  void timestampComesFromTheContextClockInUtc() throws FunctionException {
    assertEquals("2024-02-29T23:59:58Z", fns.string("timestamp"));
  }

  @Test
  void timeaddTakesGoDurationsAndKeepsTheOffset() throws FunctionException {
    assertEquals("2017-11-22T00:10:00Z", fns.string("timeadd", s("2017-11-22T00:00:00Z"), s("10m")));
    assertEquals("2017-11-21T22:30:00Z", fns.string("timeadd", s("2017-11-22T00:00:00Z"), s("-1h30m")));
    assertEquals("2017-11-22T01:30:00Z", fns.string("timeadd", s("2017-11-22T00:00:00Z"), s("1.5h")));
    assertEquals("2017-11-22T01:00:00+05:30", fns.string("timeadd", s("2017-11-22T00:00:00+05:30"), s("1h")));
    assertEquals("2017-11-22T00:00:01Z", fns.string("timeadd", s("2017-11-22T00:00:00.5Z"), s("500ms")));
  }

  @Test
  void timeaddReportsGoDurationErrors() {
    fns.assertFails("time: unknown unit \"x\" in duration \"10x\"", -1, "timeadd", s("2017-11-22T00:00:00Z"), s("10x"));
    fns.assertFails("time: invalid duration \"abc\"", -1, "timeadd", s("2017-11-22T00:00:00Z"), s("abc"));
    fns.assertFails("time: missing unit in duration \"10\"", -1, "timeadd", s("2017-11-22T00:00:00Z"), s("10"));
  }

  @Test
  void timestampErrorsNameTheBrokenPart() {
    fns.assertFails("not a valid RFC3339 timestamp: missing required time introducer 'T'", 0,
        "timecmp", s("2017-11-22"), s("2017-11-22T00:00:00Z"));
    fns.assertFails("not a valid RFC3339 timestamp: cannot use \"hello\" as year", 1,
        "timecmp", s("2017-11-22T00:00:00Z"), s("hello"));
    fns.assertFails("not a valid RFC3339 timestamp: end of string before year", 0,
        "timecmp", s(""), s("2017-11-22T00:00:00Z"));
    fns.assertFails("not a valid RFC3339 timestamp: end of string before UTC offset", 0,
        "timecmp", s("2017-11-22T00:00:00"), s("2017-11-22T00:00:00Z"));
    fns.assertFails("not a valid RFC3339 timestamp: parsing time \"2017-02-30T00:00:00Z\": day out of range", 0,
        "timecmp", s("2017-02-30T00:00:00Z"), s("2017-11-22T00:00:00Z"));
    fns.assertFails("not a valid RFC3339 timestamp: day out of range", 1,
        "formatdate", s("YYYY"), s("2017-02-30T00:00:00Z"));
    fns.assertFails("not a valid RFC3339 timestamp: found \"/11/22T00:00:00Z\" where \"-\" is expected", 0,
        "timecmp", s("2017/11/22T00:00:00Z"), s("2017-11-22T00:00:00Z"));
  }

  @Test
  void timecmpComparesInstantsAcrossOffsets() throws FunctionException {
    assertEquals(FnencTesting.n(0), fns.call("timecmp", s("2017-11-22T06:00:00+02:00"), s("2017-11-22T04:00:00Z")));
  }

  @Test
  void formatdateSupportsEveryVerbAndQuotedLiterals() throws FunctionException {
    String t = "2018-01-02T03:04:05-08:00";
    assertEquals("2018 18 January Jan 01 1 02 2 Tuesday Tue 03 3 03 3 AM am 04 4 05 5",
        fns.string("formatdate", s("YYYY YY MMMM MMM MM M DD D EEEE EEE hh h HH H AA aa mm m ss s"), s(t)));
    assertEquals("-08:00 -0800 -0800 -08:00", fns.string("formatdate", s("Z ZZZ ZZZZ ZZZZZ"), s(t)));
    assertEquals("Z UTC +0000", fns.string("formatdate", s("Z ZZZ ZZZZ"), s("2018-01-02T03:04:05Z")));
    assertEquals("it's 03 o'clock", fns.string("formatdate", s("'it''s' hh 'o''clock'"), s(t)));
  }

  @Test
  void formatdateRejectsBadVerbs() {
    String t = "2018-01-02T03:04:05Z";
    fns.assertFails("invalid date format verb \"YYY\": year must either be \"YY\" or \"YYYY\"", 0,
        "formatdate", s("YYY"), s(t));
    fns.assertFails("invalid date format verb \"x\"", 0, "formatdate", s("x"), s(t));
    fns.assertFails("unterminated literal '", 0, "formatdate", s("'abc"), s(t));
    fns.assertFails("invalid date format verb \"ZZ\": timezone must be Z, ZZZZ, or ZZZZZ", 0,
        "formatdate", s("ZZ"), s(t));
  }
}

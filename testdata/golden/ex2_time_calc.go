// time without the clock: Duration printing, Round and Truncate, parsing
// durations, Month and Weekday arithmetic, AddDate normalisation, Sub and
// Since-free differences, time.Parse errors, and formatting layouts.
package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, 999, 1500 * time.Microsecond, 61 * time.Second, 90*time.Minute + 30*time.Second + 5*time.Millisecond, -2*time.Hour - 3*time.Nanosecond, 1<<63 - 1}
	for _, d := range ds {
		fmt.Printf("%v | %s | %d | h=%.3f m=%.2f s=%.4f ms=%d us=%d | round(s)=%v trunc(m)=%v round(h)=%v abs=%v\n",
			d, d.String(), int64(d), d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds(),
			d.Round(time.Second), d.Truncate(time.Minute), d.Round(time.Hour), d.Abs())
	}
	for _, s := range []string{"1h15m30.5s", "-1.5h", "300ms", "2us", "1µs", "1.000000001s", "3d", "", "1h-5m", ".5m", "9223372036854775808ns"} {
		d, err := time.ParseDuration(s)
		fmt.Println(s, d, err)
	}
	base := time.Date(2024, time.January, 31, 23, 30, 0, 0, time.UTC)
	fmt.Println(base, base.Weekday(), base.YearDay())
	fmt.Println(base.AddDate(0, 1, 0), base.AddDate(0, 0, 1), base.AddDate(1, 1, 1), base.AddDate(0, -2, 0))
	fmt.Println(time.Date(2023, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(2024, 13, 1, 25, 61, 61, 0, time.UTC), time.Date(2024, 0, 0, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.December+2, time.Month(13), time.Saturday+1, time.Weekday(7), time.Weekday((int(time.Friday)+3)%7))
	for m := time.January; m <= time.December; m += 3 {
		first := time.Date(2025, m, 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1)
		fmt.Printf("%-9s starts %-9s has %d days\n", m, first.Weekday(), last.Day())
	}
	a := time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC)
	b := time.Date(2024, 12, 25, 18, 45, 30, 0, time.UTC)
	d := b.Sub(a)
	fmt.Println(d, int(d.Hours()/24), b.After(a), a.Before(b), a.Equal(a.Add(0)), a.Compare(b), b.Sub(a).Round(24*time.Hour))
	fmt.Println(b.Truncate(time.Hour), b.Round(time.Hour), b.Truncate(24*time.Hour))
	y, w := b.ISOWeek()
	fmt.Println(y, w, b.Unix(), b.UnixMilli(), time.Unix(1700000000, 0).UTC())
	layouts := []string{time.RFC3339, time.RFC1123, time.Kitchen, "2006-01-02 15:04:05.000 MST", "Mon Jan _2 03:04PM '06", "20060102T150405Z0700", time.DateOnly, time.StampMicro}
	t := time.Date(2024, 7, 4, 15, 4, 5, 123456789, time.FixedZone("XYZ", -5*3600-30*60))
	for _, l := range layouts {
		fmt.Println(t.Format(l))
	}
	for _, in := range [][2]string{
		{time.RFC3339, "2024-02-30T10:00:00Z"},
		{time.RFC3339, "2024-02-03T10:00:00+05:30"},
		{"2006-01-02", "2024/01/02"},
		{"2006-01-02", "2024-1-2"},
		{"15:04", "25:00"},
		{time.DateTime, "2024-06-01 12:00:00"},
		{"Jan 2, 2006", "Feb 31, 2024"},
		{"2006-01-02 15:04:05.999", "2024-01-02 03:04:05.12"},
	} {
		p, err := time.Parse(in[0], in[1])
		fmt.Println(p, err)
	}
	loc := time.FixedZone("EST", -5*3600)
	pl, err := time.ParseInLocation("2006-01-02 15:04", "2024-11-03 01:30", loc)
	fmt.Println(pl, err, pl.UTC(), pl.In(time.UTC).Hour())
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix(), time.Duration(1.5*float64(time.Second)))
	mt, _ := t.MarshalText()
	fmt.Println(string(mt))
}

package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 29, 13, 4, 5, 123456789, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339), t.Format(time.RFC3339Nano), t.Format(time.Kitchen))
	fmt.Println(t.Format("2006-01-02 15:04:05.000 Mon Jan _2 MST -0700"), t.Format(time.ANSIC), t.Format(time.RFC1123Z))
	fmt.Println(t.Format("02/01/06 03:04PM .999999 ,000"), t.Format(time.DateOnly), t.Format(time.TimeOnly), t.Format(time.StampMicro))
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay(), t.Hour(), t.Nanosecond())
	y, w := t.ISOWeek()
	fmt.Println(y, w, t.Unix(), t.UnixMilli(), t.UnixNano())
	t2 := t.Add(36*time.Hour + 30*time.Minute)
	fmt.Println(t2, t2.Sub(t), t2.After(t), t.Before(t2), t.Equal(t))
	fmt.Println(t.AddDate(0, 1, 0), t.AddDate(1, 0, 0), t.AddDate(0, 0, -60))
	fmt.Println(t.Truncate(time.Hour), t.Round(time.Second), t.Truncate(24*time.Hour))
	est := time.FixedZone("EST", -5*3600)
	fmt.Println(t.In(est), t.In(est).Format(time.RFC822Z))
	ist := time.FixedZone("IST", 5*3600+1800)
	fmt.Println(t.In(ist).Format(time.RFC3339), t.In(ist).Location(), t.In(ist).Equal(t))
	loc, err := time.LoadLocation("UTC")
	fmt.Println(loc, err, t.In(loc).Format(time.RFC850))
	p, err := time.Parse("2006-01-02 15:04", "2023-07-04 09:30")
	fmt.Println(p, err)
	p, err = time.Parse(time.RFC3339, "2023-07-04T09:30:00+02:00")
	fmt.Println(p, err, p.UTC())
	_, off := p.Zone()
	fmt.Println(off)
	_, err = time.Parse("2006-01-02", "2023-13-01")
	fmt.Println(err)
	_, err = time.Parse("2006-01-02", "not a date")
	fmt.Println(err)
	p, err = time.ParseInLocation("Jan 2 2006 3:04PM", "Mar 9 2021 11:45PM", est)
	fmt.Println(p, err)
	for _, s := range []string{"1h30m", "1.5s", "-2m3.5s", "300ms", "1us", "2h45m30.5s", "bad", "1d"} {
		d, err := time.ParseDuration(s)
		fmt.Println(s, d, d.Seconds(), err)
	}
	d := 3*time.Hour + 25*time.Minute + 45*time.Second + 500*time.Millisecond
	fmt.Println(d, d.Hours(), d.Minutes(), d.Round(time.Minute), d.Truncate(time.Hour), d.String(), time.Duration(0), time.Duration(999))
	fmt.Println(d.Milliseconds(), d.Microseconds(), time.Duration(1<<63-1), -d.Abs())
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix())
	u := time.Unix(1700000000, 0).UTC()
	fmt.Println(u, time.UnixMilli(1700000000123).UTC().Format(time.StampMilli))
	fmt.Println(time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 2, 0).Format("Jan 2"))
	fmt.Println(time.Date(2023, 1, 31, 25, 61, 0, 0, time.UTC))
	fmt.Println(time.March.String(), time.Saturday, time.Month(13))
	b, _ := t.MarshalJSON()
	fmt.Println(string(b))
	var t3 time.Time
	fmt.Println(t3.UnmarshalJSON([]byte(`"2020-01-01T00:00:00Z"`)), t3)
	txt, _ := t.In(est).MarshalText()
	fmt.Println(string(txt))
	days := t2.Sub(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24
	fmt.Printf("%.2f days since 2000\n", days)
	fmt.Println(t.Compare(t2), t2.Compare(t), t.Month() == time.February)
}

package fsm

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A time.Time is stored as text: RFC 3339 with nanoseconds, followed by its
// location in brackets unless that is UTC, in the manner of RFC 9557:
//
//	2026-12-06T08:00:00.5Z                      UTC
//	2026-12-06T03:00:00.5-05:00[America/New_York]  a zone of the tz database
//	2026-12-06T09:00:00.5+01:00[Local]           time.Local
//	2026-12-06T03:00:00.5-05:00[fixed -18000 EST]  time.FixedZone("EST", -18000)
//	2026-12-06T03:00:00.5-05:00[fixed -18000]    time.FixedZone("", -18000), as time.Parse makes
//
// The instant is exact to the nanosecond (an offset with seconds, as local mean
// times have, is written as UTC, "Z"), and loading gives back the location the
// job held: t.Location().String(), t.Zone() and everything formatted from them
// agree with the plain run. A zone of the tz database is loaded by its name on
// the machine that resumes the job, which must know it (import time/tzdata to
// embed the database in the program). The monotonic clock reading of a
// time.Now value is not stored, as time's own encodings do not store it; only
// years 0 to 9999 can be written.

// storedTime is the mirror of time.Time (see mirror): the CBOR library calls
// its methods.
type storedTime struct{ t time.Time }

func (s storedTime) MarshalCBOR() ([]byte, error) {
	text, err := timeText(s.t)
	if err != nil {
		return nil, err
	}
	return encMode.Marshal(text)
}

func (s *storedTime) UnmarshalCBOR(data []byte) error {
	var text string
	if err := decMode.Unmarshal(data, &text); err != nil {
		return fmt.Errorf("fsm: decoding a time: %w", err)
	}
	t, err := parseTimeText(text)
	if err != nil {
		return err
	}
	s.t = t
	return nil
}

// timeText writes t in the stored form described above.
func timeText(t time.Time) (string, error) {
	if y := t.Year(); y < 0 || y > 9999 {
		return "", fmt.Errorf("fsm: the time %v cannot be stored: only years 0 to 9999 can", t)
	}
	loc := t.Location()
	if loc == time.UTC {
		return t.Format(time.RFC3339Nano), nil
	}
	abbr, offset := t.Zone()
	text := t.Format(time.RFC3339Nano)
	if offset%60 != 0 {
		text = t.UTC().Format(time.RFC3339Nano)
	}
	switch {
	case loc == time.Local:
		return text + "[Local]", nil
	case isFixedZone(t, abbr, offset):
		if abbr == "" {
			return text + "[fixed " + strconv.Itoa(offset) + "]", nil
		}
		return text + "[fixed " + strconv.Itoa(offset) + " " + abbr + "]", nil
	}
	return text + "[" + loc.String() + "]", nil
}

// zoneProbes are instants at which isFixedZone compares a location's zone with
// the one of the time at hand: far in the past (local mean time, for most
// zones of the tz database), both halves of a year, and far ahead.
var zoneProbes = []int64{
	-5364662400, // 1800-01-01
	1e9,         // 2001-09-09
	1e9 + 182*86400,
	4102444800, // 2100-01-01
}

// isFixedZone tells whether t's location is one zone at all times, named as
// the location: what time.FixedZone makes. A zone of the tz database that
// never changed and is named as its abbreviation ("EST") passes too, and a
// fixed zone of that name and offset is then what it behaves as.
func isFixedZone(t time.Time, abbr string, offset int) bool {
	loc := t.Location()
	if loc.String() != abbr {
		return false
	}
	for _, sec := range zoneProbes {
		if a, o := time.Unix(sec, 0).In(loc).Zone(); a != abbr || o != offset {
			return false
		}
	}
	return true
}

// maxZoneName bounds the location names a stored time may carry.
const maxZoneName = 256

// parseTimeText reads the stored form of a time. It also reads the plain RFC
// 3339 text that earlier versions of this package stored.
func parseTimeText(s string) (time.Time, error) {
	text, zone, hasZone := s, "", false
	if i := strings.IndexByte(s, '['); i >= 0 {
		if !strings.HasSuffix(s, "]") || len(s)-i-2 > maxZoneName {
			return time.Time{}, fmt.Errorf("fsm: %q is not a stored time", truncate(s))
		}
		text, zone, hasZone = s[:i], s[i+1:len(s)-1], true
	}
	t, err := time.Parse(time.RFC3339Nano, text)
	if err != nil {
		return time.Time{}, fmt.Errorf("fsm: %q is not a stored time: %v", truncate(s), err)
	}
	_, offset := t.Zone()
	switch {
	case !hasZone && offset == 0 && strings.HasSuffix(text, "Z"):
		return t.UTC(), nil
	case !hasZone:
		return t.In(time.FixedZone("", offset)), nil
	case zone == "Local":
		return t.In(time.Local), nil
	case strings.HasPrefix(zone, "fixed "):
		rest := zone[len("fixed "):]
		num, name, _ := strings.Cut(rest, " ")
		off, err := strconv.Atoi(num)
		if err != nil || off < -24*3600 || off > 24*3600 {
			return time.Time{}, fmt.Errorf("fsm: %q is not a stored time: bad zone offset", truncate(s))
		}
		return t.In(time.FixedZone(name, off)), nil
	}
	loc, err := loadLocation(zone)
	if err != nil {
		return time.Time{}, fmt.Errorf("fsm: a stored time is in the zone %q, which this machine does not know (%v); install the tz database, or import time/tzdata in the program", zone, err)
	}
	return t.In(loc), nil
}

// locations caches the zones loadLocation found, by name.
var locations sync.Map // string -> *time.Location

func loadLocation(name string) (*time.Location, error) {
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	locations.Store(name, loc)
	return loc, nil
}

// truncate shortens hostile text for an error message.
func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

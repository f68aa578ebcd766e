package storeutil

import (
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

func TestTimes(t *testing.T) {
	for _, c := range []struct {
		t    time.Time
		want time.Time // after a round trip
	}{
		{time.Time{}, time.Time{}},
		{fsm.Never, fsm.Never},
		{time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC), fsm.Never},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), fsm.Never},
		{time.Unix(0, 1), time.Unix(0, 1)},
		{time.Unix(-1, 999999999), time.Unix(-1, 999999999)},
		{MinTime, MinTime},
		{MaxTime, MaxTime},
	} {
		n, err := EncodeTime(c.t)
		if err != nil {
			t.Errorf("EncodeTime(%v): %v", c.t, err)
			continue
		}
		if got := DecodeTime(n); !got.Equal(c.want) || got.Location() != time.UTC {
			t.Errorf("round trip of %v: %v, want %v", c.t, got, c.want)
		}
	}
	if _, err := EncodeTime(time.Date(1677, 1, 1, 0, 0, 0, 0, time.UTC)); err == nil {
		t.Errorf("encodeTime of 1677: no error")
	}
}

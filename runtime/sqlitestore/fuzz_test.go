package sqlitestore

import (
	"encoding/binary"
	"math"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// columnValues turns fuzz bytes into the values of a row as database/sql
// scans them: each value is a tag byte, then its bytes. Tags: 0 NULL,
// 1 integer (8 bytes), 2 real (8 bytes), 3 text and 4 blob (a length byte,
// then that many bytes), 5 an empty blob as the driver gives it (a nil
// []byte).
func columnValues(data []byte) []any {
	var vals []any
	for len(data) > 0 {
		tag := data[0] % 6
		data = data[1:]
		switch tag {
		case 0:
			vals = append(vals, nil)
		case 1, 2:
			var b [8]byte
			n := copy(b[:], data)
			data = data[n:]
			u := binary.LittleEndian.Uint64(b[:])
			if tag == 1 {
				vals = append(vals, int64(u))
			} else {
				vals = append(vals, math.Float64frombits(u))
			}
		case 3, 4:
			n := 0
			if len(data) > 0 {
				n, data = int(data[0]), data[1:]
			}
			n = min(n, len(data))
			b := append([]byte(nil), data[:n]...)
			data = data[n:]
			if tag == 3 {
				vals = append(vals, string(b))
			} else {
				vals = append(vals, b)
			}
		case 5:
			vals = append(vals, []byte(nil))
		}
	}
	return vals
}

// appendInt and the others build seeds in the encoding of columnValues.
func appendInt(b []byte, n int64) []byte {
	return binary.LittleEndian.AppendUint64(append(b, 1), uint64(n))
}

func appendText(b []byte, s string) []byte { return append(append(b, 3, byte(len(s))), s...) }
func appendBlob(b []byte, s string) []byte { return append(append(b, 4, byte(len(s))), s...) }

// goodJobRow is a row of jobColumns as the store writes it.
func goodJobRow() []byte {
	var b []byte
	b = appendInt(b, 1)                // num
	b = appendText(b, "job-1")         // id
	b = appendText(b, "shop.checkout") // name
	b = appendText(b, "waiting")       // status
	b = appendText(b, "")              // parent
	b = appendInt(b, 2)                // seq
	b = appendInt(b, 2)                // state_num
	b = appendBlob(b, "\xa1\x00")      // state
	b = appendText(b, "L2")            // layout
	b = append(b, 0)                   // op: NULL
	b = append(b, 5)                   // progress: empty
	b = appendBlob(b, "out")           // outcome
	b = appendInt(b, 0)                // attempts
	b = appendText(b, "")              // last_error
	b = appendInt(b, math.MaxInt64)    // run_at: Never
	b = appendInt(b, 3)                // wake_seq
	b = appendInt(b, 1)                // cancel_requested
	b = appendText(b, "")              // error
	b = appendInt(b, time.Date(2030, 1, 1, 0, 0, 0, 1, time.UTC).UnixNano())
	b = appendInt(b, time.Date(2030, 1, 1, 0, 0, 0, 2, time.UTC).UnixNano())
	b = appendText(b, "engine-1")   // lease_owner
	b = appendInt(b, math.MinInt64) // lease_until: zero
	b = appendInt(b, 7)             // version
	return b
}

// FuzzDecodeRow feeds rows of hostile values to the decoders of stored rows:
// they must return an error or a record that holds what the row held, and
// never panic.
func FuzzDecodeRow(f *testing.F) {
	good := goodJobRow()
	f.Add(good)
	f.Add(good[:len(good)-9])                                 // a column short
	f.Add(append(append([]byte{}, good...), 0))               // a column too many
	f.Add(appendText(nil, "bogus"))                           // one text column
	f.Add([]byte{2, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f})            // a NaN
	f.Add(append(appendInt(nil, 1), appendText(nil, "x")...)) // the start of a row
	var ev []byte
	ev = appendInt(ev, 1)
	ev = appendInt(ev, 12345)
	ev = appendText(ev, "checkpoint")
	ev = appendInt(ev, 1)
	ev = append(ev, 5, 0)
	ev = appendBlob(ev, "o")
	ev = appendText(ev, "detail")
	f.Add(ev)
	f.Fuzz(func(t *testing.T, data []byte) {
		vals := columnValues(data)
		if j, err := decodeJob(vals); err == nil {
			if len(vals) != nJobColumns {
				t.Fatalf("decodeJob of %d columns: no error", len(vals))
			}
			if !j.Status.Valid() {
				t.Fatalf("decodeJob: status %q", j.Status)
			}
			checkTime(t, vals[14], j.RunAt)
			checkTime(t, vals[21], j.LeaseUntil)
			checkBytes(t, vals[7], j.State)
			checkBytes(t, vals[9], j.Op)
		}
		if e, err := decodeEvent(vals); err == nil {
			if len(vals) != nEventColumns {
				t.Fatalf("decodeEvent of %d columns: no error", len(vals))
			}
			checkTime(t, vals[1], e.Time)
			checkBytes(t, vals[4], e.State)
		}
		if s, err := decodeSignal(vals); err == nil {
			if len(vals) != nSignalColumns {
				t.Fatalf("decodeSignal of %d columns: no error", len(vals))
			}
			checkTime(t, vals[4], s.SentAt)
			checkBytes(t, vals[3], s.Payload)
		}
	})
}

// checkTime fails unless tm is what the stored value v reads as, and is
// stored as v again.
func checkTime(t *testing.T, v any, tm time.Time) {
	t.Helper()
	n := v.(int64)
	if tm.Location() != time.UTC {
		t.Fatalf("time %v not in UTC", tm)
	}
	back, err := storeutil.EncodeTime(tm)
	if err != nil || back != n {
		t.Fatalf("time %d read as %v, stored again as %d, %v", n, tm, back, err)
	}
	if n == math.MinInt64 && !tm.IsZero() || n == math.MaxInt64 && !tm.Equal(fsm.Never) {
		t.Fatalf("time %d read as %v", n, tm)
	}
}

// checkBytes fails unless b is the stored value v: nil for NULL, the bytes
// and not nil for a blob.
func checkBytes(t *testing.T, v any, b []byte) {
	t.Helper()
	switch v := v.(type) {
	case nil:
		if b != nil {
			t.Fatalf("NULL read as %q", b)
		}
	case []byte:
		if b == nil || string(b) != string(v) {
			t.Fatalf("blob %q read as %q (nil %v)", v, b, b == nil)
		}
	case string:
		if b == nil || string(b) != v {
			t.Fatalf("text %q read as %q", v, b)
		}
	}
}

// FuzzTime checks that every stored time reads as a time that is stored the
// same again.
func FuzzTime(f *testing.F) {
	for _, n := range []int64{0, 1, -1, math.MinInt64, math.MaxInt64, math.MinInt64 + 1, math.MaxInt64 - 1, time.Now().UnixNano()} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		tm := storeutil.DecodeTime(n)
		back, err := storeutil.EncodeTime(tm)
		if err != nil || back != n {
			t.Fatalf("%d read as %v, stored again as %d, %v", n, tm, back, err)
		}
		// And a time read back keeps its value.
		if n != math.MinInt64 && n != math.MaxInt64 && tm.UnixNano() != n {
			t.Fatalf("%d read as %v", n, tm)
		}
	})
}

// The fuzz seed of a sound row decodes, so that the checks of a decoded row
// run.
func TestGoodJobRow(t *testing.T) {
	j, err := decodeJob(columnValues(goodJobRow()))
	if err != nil {
		t.Fatal(err)
	}
	if j.ID != "job-1" || j.Status != fsm.StatusWaiting || !j.RunAt.Equal(fsm.Never) || !j.LeaseUntil.IsZero() ||
		j.Op != nil || j.Progress == nil || len(j.Progress) != 0 || !j.CancelRequested || j.Version != 7 {
		t.Errorf("decoded %+v", j)
	}
}

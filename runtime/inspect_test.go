package fsm

import (
	"encoding/json"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"
)

type approval struct {
	By      string            `json:"by"`
	OK      bool              `json:"ok"`
	Amount  int16             `json:"amount"`
	Ratio   float32           `json:"ratio"`
	When    time.Time         `json:"when"`
	Notes   []string          `json:"notes"`
	Scores  map[int]float64   `json:"scores"`
	Ref     *string           `json:"ref"`
	Extra   any               `json:"extra"`
	Digest  [4]byte           `json:"digest"`
	Blob    []byte            `json:"blob"`
	Labels  map[string]string `json:"labels"`
	Big     *big.Int          `json:"big"`
	Skipped int               `json:"-"`
	Nested
}

type Nested struct {
	Depth uint8
	Next  *Nested
}

var testApproval = NewSignal[approval]("fsm_test.approval")

func TestEncodeJSONDecodesIntoTheType(t *testing.T) {
	ref := "r-1"
	want := approval{
		By: "ann", OK: true, Amount: -300, Ratio: 0.25,
		When:   time.Date(2026, 1, 2, 3, 4, 5, 600, time.FixedZone("", 3600)),
		Notes:  []string{"a", "b"},
		Scores: map[int]float64{1: 0.5, -2: 3},
		Ref:    &ref,
		Extra:  map[string]any{"k": []any{int64(1), "x"}},
		Digest: [4]byte{1, 2, 3, 4},
		Blob:   []byte("hi"),
		Labels: map[string]string{},
		Big:    new(big.Int).Lsh(big.NewInt(1), 80),
		Nested: Nested{Depth: 1, Next: &Nested{Depth: 2}},
	}
	text := `{"by":"ann","ok":true,"amount":-300,"ratio":0.25,"when":"2026-01-02T03:04:05.0000006+01:00",
		"notes":["a","b"],"scores":{"1":0.5,"-2":3},"ref":"r-1","extra":{"k":[1,"x"]},
		"digest":"AQIDBA==","blob":"aGk","labels":{},"big":1208925819614629174706176,
		"Depth":1,"Next":{"Depth":2}}`
	s := SchemaOf(reflect.TypeFor[approval]())
	// The schema goes through JSON in the store.
	sb, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var stored Schema
	if err := json.Unmarshal(sb, &stored); err != nil {
		t.Fatal(err)
	}
	b, err := EncodeJSON(stored, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got approval
	if err := Unmarshal(b, &got); err != nil {
		t.Fatalf("EncodeJSON's bytes do not decode: %v", err)
	}
	if !got.When.Equal(want.When) || got.When.Format(time.RFC3339Nano) != want.When.Format(time.RFC3339Nano) {
		t.Errorf("When = %v, want %v", got.When, want.When)
	}
	// What was decoded is what was meant: it encodes as want does (a JSON
	// object in an any is a map[string]any, a whole number an int64).
	gb, err := Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if string(gb) != string(wb) {
		t.Errorf("decoded\n%#v\nwant\n%#v", got, want)
	}
	got.When, want.When = time.Time{}, time.Time{}
	got.Big, want.Big = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n%#v\nwant\n%#v", got, want)
	}
}

func TestEncodeJSONErrors(t *testing.T) {
	s := SchemaOf(reflect.TypeFor[approval]())
	for _, c := range []struct{ text, want string }{
		{`{"by": 3}`, "payload.by: want text (string), got the number 3"},
		{`{"amount": 40000}`, "payload.amount: 40000 does not fit in int16"},
		{`{"amount": 1.5}`, "payload.amount: 1.5 is not an integer (int16)"},
		{`{"nope": 1}`, `payload: fsm.approval has no field "nope"`},
		{`{"notes": [1]}`, "payload.notes[0]: want text (string), got the number 1"},
		{`{"scores": {"x": 1}}`, `payload.scores key "x": x is not an integer (int)`},
		{`{"when": "yesterday"}`, `payload.when: "yesterday" is not an RFC 3339 time`},
		{`{"digest": "AQID"}`, "payload.digest: 3 bytes, want 4 ([4]uint8)"},
		{`{"Next": {"Next": {"Depth": -1}}}`, "payload.Next.Next.Depth: -1 does not fit in uint8"},
		{`[]`, "payload: want an object (fsm.approval), got an array"},
		{`{"ok": true} {}`, "payload has text after its JSON value"},
		{`{"ok": tru}`, "payload is not JSON"},
		{`null`, "payload: want a value, not null"},
	} {
		_, err := EncodeJSON(s, []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("EncodeJSON(%s) = %v, want an error containing %q", c.text, err, c.want)
		}
	}
	opaque := SchemaOf(reflect.TypeFor[time.Duration]())
	if opaque.Kind != "int" {
		t.Errorf("time.Duration has kind %q, want int", opaque.Kind)
	}
}

func TestDescribeStateAndOp(t *testing.T) {
	w := NewStateWriter(3)
	Save(w, "order", chargeReq{Order: "o-1", Amount: 5, Items: []string{"x"}})
	Save(w, "n", 7)
	Save(w, "tmp", "hidden")
	st, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	layout := StateInfo{Vars: []VarInfo{{Name: "order", Type: "chargeReq"}, {Name: "n", Type: "int"}, {Name: "tmp", Type: "string", Internal: true}}}
	vars, err := DescribeState(st, layout, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(vars) != 2 || vars[0].Name != "order" || vars[1].Name != "n" {
		t.Fatalf("vars = %+v", vars)
	}
	if got := FormatPlain(vars[0].Value); got != `{Amount: 5, Items: ["x"], Order: "o-1", Rate: 0}` {
		t.Errorf("order = %s", got)
	}
	if got := FormatPlain(vars[1].Value); got != "7" {
		t.Errorf("n = %s", got)
	}
	w = NewStateWriter(1)
	Save(w, "wait", 90*time.Minute)
	if st, err = w.Bytes(); err != nil {
		t.Fatal(err)
	}
	vars, err = DescribeState(st, StateInfo{Vars: []VarInfo{{Name: "wait", Type: "time.Duration"}}}, false)
	if err != nil || len(vars) != 1 || FormatPlain(vars[0].Value) != "1h30m0s" {
		t.Errorf("a time.Duration variable is described as %+v, %v; want 1h30m0s", vars, err)
	}
	if _, err := DescribeState(st, StateInfo{Vars: layout.Vars[:0]}, true); err == nil {
		t.Error("a layout with fewer variables than the state was accepted")
	}

	op := Timeout(All(testCharge.Call(chargeReq{Order: "o-2"}), testCharge.Call(chargeReq{Order: "o-3"})), time.Hour)
	ob, err := EncodeOp(op)
	if err != nil {
		t.Fatal(err)
	}
	due := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	pb, err := encode(progress{Leaves: []leafState{{Done: true}, {Attempts: 2, LastError: "declined"}, {Due: due}}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := DescribeOp(ob, pb)
	if err != nil {
		t.Fatal(err)
	}
	want := `all of [activity fsm_test.charge({Amount: 0, Items: nil, Order: "o-2", Rate: 0}), activity fsm_test.charge({Amount: 0, Items: nil, Order: "o-3", Rate: 0})] with a timeout (sleep 1h0m0s)`
	if v.String() != want {
		t.Errorf("op = %s\nwant %s", v, want)
	}
	if !v.Ops[1].Due.Equal(due) || !v.Ops[0].Ops[0].Done || v.Ops[0].Ops[1].Attempts != 2 || v.Ops[0].Ops[1].LastError != "declined" {
		t.Errorf("progress not applied: %+v", v)
	}
	if _, err := DescribeOp(ob, pbShort(t)); err == nil {
		t.Error("progress that does not fit the op was accepted")
	}
	for _, bad := range [][]byte{nil, {0xff}, {0x83, 0x09, 0x60, 0xf6}} {
		if _, err := DescribeOp(bad, nil); err == nil {
			t.Errorf("DescribeOp(%x) succeeded", bad)
		}
	}
	oc, err := EncodeOutcome(op, Outcome{err: ErrTimeout})
	if err != nil {
		t.Fatal(err)
	}
	ov, err := DescribeOutcome(oc)
	if err != nil || !ov.Failed || ov.String() != "error: "+ErrTimeout.Error() {
		t.Errorf("DescribeOutcome = %+v, %v", ov, err)
	}
}

func pbShort(t *testing.T) []byte {
	b, err := encode(progress{Leaves: []leafState{{}}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func FuzzDescribe(f *testing.F) {
	ob, _ := EncodeOp(First(testCharge.Call(chargeReq{Order: "x"}), testCharge.Call(chargeReq{})))
	f.Add(ob)
	w := NewStateWriter(1)
	Save(w, "m", map[int]string{1: "a"})
	st, _ := w.Bytes()
	f.Add(st)
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = DescribeOp(b, b)
		_, _ = DescribeState(b, StateInfo{Vars: []VarInfo{{Name: "m"}}}, true)
		_, _ = DescribeOutcome(b)
		if v, err := DecodePlain(b); err == nil {
			_ = FormatPlain(v)
		}
	})
}

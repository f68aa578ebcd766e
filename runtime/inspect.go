package fsm

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// This file describes stored bytes without the program that wrote them: the
// fsmgen jobs command and other tools show a paused job's variables and its
// pending op from the store alone, with the layouts an Engine records there
// (LayoutKey).

// inspectMode decodes stored values into plain Go values (see Plain). It has
// the limits of decMode, so hostile bytes cost no more to inspect than to load.
var inspectMode cbor.DecMode

func init() {
	var err error
	inspectMode, err = cbor.DecOptions{
		DupMapKey:             cbor.DupMapKeyEnforcedAPF,
		IndefLength:           cbor.IndefLengthForbidden,
		TagsMd:                cbor.TagsAllowed,
		BignumTag:             cbor.BignumTagAllowed,
		MaxNestedLevels:       maxEnvelopeNesting,
		MaxArrayElements:      maxElements,
		MaxMapPairs:           maxElements,
		UTF8:                  cbor.UTF8DecodeInvalid,
		NaN:                   cbor.NaNDecodeAllowed,
		Inf:                   cbor.InfDecodeAllowed,
		IntDec:                cbor.IntDecConvertSignedOrBigInt,
		DefaultMapType:        reflect.TypeFor[map[any]any](),
		DefaultByteStringType: reflect.TypeFor[[]byte](),
	}.DecMode()
	if err != nil {
		panic(err)
	}
}

// DecodePlain decodes a value stored by Marshal without knowing its Go type.
// The result is built of nil, bool, int64, uint64, *big.Int, float64, string,
// []byte, []any, map[string]any (a map whose keys are all text, or a struct)
// and []MapEntry (any other map), and cbor.Tag for a tag this package does not
// know. Structs come back as maps from their stored field names; a time.Time
// comes back as its RFC 3339 text, followed by its zone in brackets unless it is
// UTC; an interface value as [name of its dynamic type, value].
func DecodePlain(b []byte) (any, error) {
	var v any
	if err := inspectMode.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	return plain(v), nil
}

// MapEntry is one pair of a stored map whose keys are not all text.
type MapEntry struct {
	Key   any `json:"key"`
	Value any `json:"value"`
}

func plain(v any) any {
	switch v := v.(type) {
	case []any:
		for i := range v {
			v[i] = plain(v[i])
		}
		return v
	case map[any]any:
		allText := true
		for k := range v {
			if _, ok := k.(string); !ok {
				allText = false
				break
			}
		}
		if allText {
			m := make(map[string]any, len(v))
			for k, e := range v {
				m[k.(string)] = plain(e)
			}
			return m
		}
		entries := make([]MapEntry, 0, len(v))
		for k, e := range v {
			entries = append(entries, MapEntry{plain(k), plain(e)})
		}
		sort.Slice(entries, func(i, j int) bool { return FormatPlain(entries[i].Key) < FormatPlain(entries[j].Key) })
		return entries
	case big.Int:
		return &v
	case cbor.Tag:
		v.Content = plain(v.Content)
		return v
	}
	return v
}

// FormatPlain writes a value DecodePlain returned on one line, in a Go-like
// notation: strings quoted, maps and structs as {k: v, ...} with keys sorted,
// byte strings in hex.
func FormatPlain(v any) string {
	var b strings.Builder
	formatPlain(&b, v)
	return b.String()
}

func formatPlain(b *strings.Builder, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("nil")
	case string:
		b.WriteString(strconv.Quote(v))
	case []byte:
		fmt.Fprintf(b, "0x%x", v)
	case float64:
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			formatPlain(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k)
			b.WriteString(": ")
			formatPlain(b, v[k])
		}
		b.WriteByte('}')
	case []MapEntry:
		b.WriteString("map{")
		for i, e := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			formatPlain(b, e.Key)
			b.WriteString(": ")
			formatPlain(b, e.Value)
		}
		b.WriteByte('}')
	case cbor.Tag:
		fmt.Fprintf(b, "tag%d(", v.Number)
		formatPlain(b, v.Content)
		b.WriteByte(')')
	default:
		fmt.Fprint(b, v)
	}
}

// VarValue is one variable of a stored state, described for people.
type VarValue struct {
	Name  string `json:"name"`
	Type  string `json:"type"`
	Value any    `json:"value"` // as DecodePlain returns it
	// Absent marks a variable the checkpoint does not hold: it was written by
	// an earlier build whose layout lacked it (see JobInfo.Place), and the job
	// resumes with its zero value. Value is nil then.
	Absent bool `json:"absent,omitempty"`
}

// DescribeState pairs the variables of a stored state with their names and
// types as layout describes them (the StateInfo the Engine recorded under
// LayoutKey, or this build's, for a state JobInfo.Place returned). Internal
// variables are left out unless all is set.
func DescribeState(state []byte, layout StateInfo, all bool) ([]VarValue, error) {
	var items []cbor.RawMessage
	if err := Unmarshal(state, &items); err != nil {
		return nil, fmt.Errorf("fsm: decoding a state: %w", err)
	}
	if len(items) == 0 {
		return nil, errors.New("fsm: decoding a state: no state number")
	}
	items = items[1:]
	if len(items) != len(layout.Vars) {
		return nil, fmt.Errorf("fsm: the state holds %d values, and its layout names %d variables", len(items), len(layout.Vars))
	}
	var out []VarValue
	for i, it := range items {
		vi := layout.Vars[i]
		if vi.Internal && !all {
			continue
		}
		if isAbsent(it) {
			out = append(out, VarValue{Name: vi.Name, Type: vi.Type, Absent: true})
			continue
		}
		v, err := DecodePlain(it)
		if err != nil {
			return nil, fmt.Errorf("fsm: decoding variable %s: %w", vi.Name, err)
		}
		if vi.Type == "time.Duration" {
			v = asDuration(v)
		}
		out = append(out, VarValue{Name: vi.Name, Type: vi.Type, Value: v})
	}
	return out, nil
}

// asDuration turns the integer a time.Duration variable is stored as into a
// time.Duration, which prints as people write durations (1h30m0s).
func asDuration(v any) any {
	switch n := v.(type) {
	case int64:
		return time.Duration(n)
	case uint64:
		if n <= math.MaxInt64 {
			return time.Duration(n)
		}
	}
	return v
}

// OpView is a stored op described for people, with how far the engine has
// got with it.
type OpView struct {
	// Kind is "activity", "sleep", "signal", "child", "all", "first" or
	// "timeout".
	Kind string `json:"kind"`
	// Name is the activity's, signal's or child job's name.
	Name string `json:"name,omitempty"`
	// Arg is an activity's argument, as DecodePlain returns it.
	Arg any `json:"arg,omitempty"`
	// Duration and Until describe a timer: a Sleep's length, a SleepUntil's
	// or Deadline's end.
	Duration time.Duration `json:"duration,omitempty"`
	Until    time.Time     `json:"until,omitzero"`
	// Ops are the ops of All and First, or the op and the timer of Timeout.
	Ops []OpView `json:"ops,omitempty"`

	// Of a leaf op (not All, First or Timeout), when the engine has begun it:
	Done      bool      `json:"done,omitempty"`
	Due       time.Time `json:"due,omitzero"`    // a timer's end
	Child     string    `json:"child,omitempty"` // a child job's id
	Attempts  int       `json:"attempts,omitempty"`
	NextTry   time.Time `json:"next_try,omitzero"`
	LastError string    `json:"last_error,omitempty"`
}

// DescribeOp describes a stored op and, when progress is not nil, how far the
// engine has got with each of its leaf ops.
func DescribeOp(op, progressBytes []byte) (OpView, error) {
	var rec opRecord
	if err := Unmarshal(op, &rec); err != nil {
		return OpView{}, fmt.Errorf("fsm: decoding an op: %w", err)
	}
	v, err := describeRecord(rec, 0)
	if err != nil {
		return OpView{}, err
	}
	if progressBytes != nil {
		var p progress
		if err := Unmarshal(progressBytes, &p); err != nil {
			return v, fmt.Errorf("fsm: decoding an op's progress: %w", err)
		}
		i := 0
		if !v.applyProgress(p.Leaves, &i) || i != len(p.Leaves) {
			return v, fmt.Errorf("fsm: the op's progress has %d entries, which does not fit the op", len(p.Leaves))
		}
	}
	return v, nil
}

func (v *OpView) applyProgress(ls []leafState, i *int) bool {
	if v.Kind == "all" || v.Kind == "first" || v.Kind == "timeout" {
		for j := range v.Ops {
			if !v.Ops[j].applyProgress(ls, i) {
				return false
			}
		}
		return true
	}
	if *i >= len(ls) {
		return false
	}
	l := ls[*i]
	*i++
	v.Done, v.Due, v.Child, v.Attempts, v.NextTry, v.LastError = l.Done, l.Due, l.Child, l.Attempts, l.NextTry, l.LastError
	return true
}

func describeRecord(rec opRecord, depth int) (OpView, error) {
	if depth > maxValueNesting {
		return OpView{}, errors.New("fsm: decoding an op: nested too deeply")
	}
	switch rec.Kind {
	case opActivity:
		arg, err := DecodePlain(rec.Arg)
		if err != nil {
			return OpView{}, fmt.Errorf("fsm: decoding the argument of activity %s: %w", rec.Name, err)
		}
		return OpView{Kind: "activity", Name: rec.Name, Arg: arg}, nil
	case opTimer:
		var a timerArg
		if err := Unmarshal(rec.Arg, &a); err != nil {
			return OpView{}, fmt.Errorf("fsm: decoding a timer: %w", err)
		}
		if a.Abs {
			return OpView{Kind: "sleep", Until: a.At}, nil
		}
		return OpView{Kind: "sleep", Duration: time.Duration(a.D)}, nil
	case opSignal:
		return OpView{Kind: "signal", Name: rec.Name}, nil
	case opChild:
		return OpView{Kind: "child", Name: rec.Name}, nil
	case opAll, opFirst:
		var subs []opRecord
		if err := Unmarshal(rec.Arg, &subs); err != nil {
			return OpView{}, fmt.Errorf("fsm: decoding the ops of a group: %w", err)
		}
		kind := "all"
		if rec.Kind == opFirst {
			kind = "first"
		}
		v := OpView{Kind: kind}
		for _, s := range subs {
			sv, err := describeRecord(s, depth+1)
			if err != nil {
				return OpView{}, err
			}
			v.Ops = append(v.Ops, sv)
		}
		return v, nil
	case opTimeout:
		var a timeoutArg
		if err := Unmarshal(rec.Arg, &a); err != nil {
			return OpView{}, fmt.Errorf("fsm: decoding a timeout: %w", err)
		}
		// The op, then its timer: the order of the leaves in the progress.
		v := OpView{Kind: "timeout"}
		for _, raw := range []cbor.RawMessage{a.Op, a.Timer} {
			var sub opRecord
			if err := Unmarshal(raw, &sub); err != nil {
				return OpView{}, fmt.Errorf("fsm: decoding a timeout: %w", err)
			}
			sv, err := describeRecord(sub, depth+1)
			if err != nil {
				return OpView{}, err
			}
			v.Ops = append(v.Ops, sv)
		}
		return v, nil
	}
	return OpView{}, fmt.Errorf("fsm: stored op has unknown kind %d (written by a newer fsmgen?)", rec.Kind)
}

// String describes the op on one line, as AnyOp.String does.
func (v OpView) String() string {
	switch v.Kind {
	case "activity":
		return fmt.Sprintf("activity %s(%s)", v.Name, FormatPlain(v.Arg))
	case "sleep":
		if !v.Until.IsZero() {
			return "sleep until " + v.Until.Format(time.RFC3339Nano)
		}
		return "sleep " + v.Duration.String()
	case "signal":
		return fmt.Sprintf("signal %q", v.Name)
	case "child":
		return "child job " + v.Name
	}
	parts := make([]string, len(v.Ops))
	for i, o := range v.Ops {
		parts[i] = o.String()
	}
	switch v.Kind {
	case "timeout":
		if len(parts) == 2 {
			return parts[0] + " with a timeout (" + parts[1] + ")"
		}
	case "first":
		return "first of [" + strings.Join(parts, ", ") + "]"
	}
	return "all of [" + strings.Join(parts, ", ") + "]"
}

// OutcomeView is a stored outcome described for people.
type OutcomeView struct {
	Failed bool   `json:"failed,omitempty"`
	Value  any    `json:"value,omitempty"`
	Error  string `json:"error,omitempty"`
}

// DescribeOutcome describes an outcome written by EncodeOutcome.
func DescribeOutcome(b []byte) (OutcomeView, error) {
	var rec outcomeRecord
	if err := Unmarshal(b, &rec); err != nil {
		return OutcomeView{}, fmt.Errorf("fsm: decoding an outcome: %w", err)
	}
	if rec.Failed {
		return OutcomeView{Failed: true, Error: rec.Error}, nil
	}
	v, err := DecodePlain(rec.Value)
	if err != nil {
		return OutcomeView{}, fmt.Errorf("fsm: decoding an outcome: %w", err)
	}
	return OutcomeView{Value: v}, nil
}

// String describes the outcome on one line.
func (o OutcomeView) String() string {
	if o.Failed {
		return "error: " + o.Error
	}
	return FormatPlain(o.Value)
}

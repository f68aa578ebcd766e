package fsm

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/fxamacker/cbor/v2"
)

// Op kinds as stored. New kinds are added at the end; a stored kind never changes
// meaning.
const (
	opActivity uint8 = 1
	opTimer    uint8 = 2 // Sleep, SleepUntil
	opSignal   uint8 = 3 // Signal.Wait
	opChild    uint8 = 4 // Child
	opAll      uint8 = 5 // All
	opFirst    uint8 = 6 // First
	opTimeout  uint8 = 7 // Timeout, Deadline
)

// opRecord is the stored form of an op: a CBOR array [kind, name, argument].
type opRecord struct {
	_    struct{} `cbor:",toarray"`
	Kind uint8
	Name string
	Arg  cbor.RawMessage
}

// EncodeOp returns the stored form of op: which op it is (for an activity call,
// the activity's registered name) and its argument, encoded as Marshal does. It
// fails when the argument cannot be stored exactly.
func EncodeOp(op AnyOp) ([]byte, error) {
	if op == nil {
		return nil, errors.New("fsm: EncodeOp with a nil op")
	}
	rec, err := op.record()
	if err != nil {
		return nil, err
	}
	return encode(rec)
}

// DecodeOp decodes an op written by EncodeOp. The op's activity must be
// registered in this program (NewActivity); its argument must decode into the
// activity's argument type. Anything else, including bytes that are not an op
// at all, gives an error, never a panic.
func DecodeOp(b []byte) (AnyOp, error) {
	var rec opRecord
	if err := Unmarshal(b, &rec); err != nil {
		return nil, fmt.Errorf("fsm: decoding an op: %w", err)
	}
	return decodeOpRecord(rec)
}

func decodeOpRecord(rec opRecord) (AnyOp, error) {
	switch rec.Kind {
	case opActivity:
		a, ok := lookupActivity(rec.Name)
		if !ok {
			return nil, fmt.Errorf("fsm: stored op calls activity %q, which this program does not register (fsm.NewActivity)", rec.Name)
		}
		return a.decodeCall(rec.Arg)
	case opTimer:
		return decodeTimer(rec.Arg)
	case opSignal:
		s, ok := lookupSignal(rec.Name)
		if !ok {
			return nil, fmt.Errorf("fsm: stored op waits for signal %q, which this program does not define (fsm.NewSignal)", rec.Name)
		}
		if !bytes.Equal(rec.Arg, cborNull) {
			return nil, fmt.Errorf("fsm: stored op waits for signal %q with an argument", rec.Name)
		}
		return s.waitOp(), nil
	case opChild:
		return decodeChild(rec.Name, rec.Arg)
	case opAll, opFirst:
		return decodeGroup(rec.Kind, rec.Arg)
	case opTimeout:
		return decodeTimeout(rec.Arg)
	default:
		return nil, fmt.Errorf("fsm: stored op has unknown kind %d (written by a newer fsmgen?)", rec.Kind)
	}
}

// ActivityError is the error an awaited op returns after its failure has been
// stored and loaded again. Its text is the op's own error text, exactly: the
// original error's type and wrapped errors are not stored.
//
// An error that was ErrTimeout, ErrCancelled or ErrPermanent (errors.Is) when
// it was stored still is after it is loaded.
type ActivityError struct {
	Op      string // the op, as AnyOp.String describes it
	Message string // the original error's text
	code    errorCode
}

// Error returns the original error's text.
func (e *ActivityError) Error() string { return e.Message }

// Is reports whether the stored error was target, for the errors of this
// package that survive storage.
func (e *ActivityError) Is(target error) bool {
	return e.code != codeNone && target == sentinelOf(e.code)
}

// errorCode is the kind of a stored error that errors.Is must still see.
type errorCode uint8

const (
	codeNone errorCode = iota
	codeTimeout
	codeCancelled
	codePermanent
)

func codeOf(err error) errorCode {
	switch {
	case errors.Is(err, ErrTimeout):
		return codeTimeout
	case errors.Is(err, ErrCancelled):
		return codeCancelled
	case errors.Is(err, ErrPermanent):
		return codePermanent
	}
	return codeNone
}

func sentinelOf(c errorCode) error {
	switch c {
	case codeTimeout:
		return ErrTimeout
	case codeCancelled:
		return ErrCancelled
	case codePermanent:
		return ErrPermanent
	}
	return nil
}

// outcomeRecord is the stored form of an Outcome: a CBOR array [failed, value,
// error text, error code]; the value is null when failed.
type outcomeRecord struct {
	_      struct{} `cbor:",toarray"`
	Failed bool
	Value  cbor.RawMessage // when !Failed
	Error  string          // when Failed
	Code   errorCode       // when Failed
}

var cborNull = []byte{0xf6}

// EncodeOutcome returns the stored form of an outcome of op: its value, encoded
// as Marshal does, or its error's text. It fails when the value cannot be stored
// exactly.
func EncodeOutcome(op AnyOp, o Outcome) ([]byte, error) {
	rec := outcomeRecord{Value: cborNull}
	if o.err != nil {
		msg, err := errorText(o.err)
		if err != nil {
			return nil, err
		}
		rec.Failed = true
		rec.Error = msg
		rec.Code = codeOf(o.err)
	} else if o.value != nil {
		v, err := Marshal(o.value)
		if err != nil {
			return nil, fmt.Errorf("fsm: encoding the result of %v: %w", op, err)
		}
		rec.Value = v
	}
	return encode(rec)
}

// DecodeOutcome decodes an outcome of op written by EncodeOutcome. The value is
// decoded into op's result type; a stored error comes back as an *ActivityError
// whose Error() is the original error's text. Bytes that are not such an outcome
// give an error, never a panic.
func DecodeOutcome(op AnyOp, b []byte) (Outcome, error) {
	if op == nil {
		return Outcome{}, errors.New("fsm: DecodeOutcome with a nil op")
	}
	var rec outcomeRecord
	if err := Unmarshal(b, &rec); err != nil {
		return Outcome{}, fmt.Errorf("fsm: decoding the outcome of %v: %w", op, err)
	}
	if rec.Failed {
		if !bytes.Equal(rec.Value, cborNull) {
			return Outcome{}, fmt.Errorf("fsm: decoding the outcome of %v: a failed outcome with a value", op)
		}
		if rec.Code > codePermanent {
			return Outcome{}, fmt.Errorf("fsm: decoding the outcome of %v: unknown error code %d", op, rec.Code)
		}
		return Outcome{err: &ActivityError{Op: op.String(), Message: rec.Error, code: rec.Code}}, nil
	}
	v, err := op.decodeOutcome(rec.Value)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{value: v}, nil
}

package fsm

import (
	"github.com/fxamacker/cbor/v2"
)

// The one CBOR mode of stored values. Both modes are immutable and safe for
// concurrent use.
var (
	encMode cbor.EncMode
	decMode cbor.DecMode
)

func init() {
	var err error
	encMode, err = cbor.EncOptions{
		Sort:          cbor.SortCoreDeterministic, // equal values, equal bytes
		ShortestFloat: cbor.ShortestFloatNone,     // float64 stays float64
		NaNConvert:    cbor.NaNConvertNone,        // keep NaN payloads
		InfConvert:    cbor.InfConvertNone,
		Time:          cbor.TimeRFC3339Nano,
		NilContainers: cbor.NilContainerAsNull, // nil and empty stay apart
	}.EncMode()
	if err != nil {
		panic(err)
	}
	decMode, err = cbor.DecOptions{
		DupMapKey:        cbor.DupMapKeyEnforcedAPF,
		IndefLength:      cbor.IndefLengthForbidden,
		MaxNestedLevels:  64,
		MaxArrayElements: 1 << 24,
		MaxMapPairs:      1 << 24,
		UTF8:             cbor.UTF8DecodeInvalid, // Go strings may hold any bytes
	}.DecMode()
	if err != nil {
		panic(err)
	}
}

// Marshal encodes v in the runtime's CBOR mode.
func Marshal(v any) ([]byte, error) { return encMode.Marshal(v) }

// Unmarshal decodes data written by Marshal into v, a non-nil pointer. Bad or
// hostile bytes give an error, never a panic or an allocation larger than a
// fixed multiple of len(data).
func Unmarshal(data []byte, v any) error { return decMode.Unmarshal(data, v) }

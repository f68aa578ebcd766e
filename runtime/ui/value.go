package ui

import (
	"sort"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// valueView is a decoded value on a page: on one line, and, when that line
// is long, laid out over several lines behind a <details>.
type valueView struct {
	Short string
	Long  string
	Large bool
}

// largeValue is the length past which a value is folded.
const largeValue = 80

func newValue(v any) valueView {
	short := fsm.FormatPlain(v)
	if len(short) <= largeValue {
		return valueView{Short: short}
	}
	var b strings.Builder
	indent(&b, v, 0)
	return valueView{Short: truncate(short, largeValue), Long: b.String(), Large: true}
}

// indent writes v as FormatPlain does, one element or field a line.
func indent(b *strings.Builder, v any, depth int) {
	pad := func(d int) { b.WriteString(strings.Repeat("  ", d)) }
	switch v := v.(type) {
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for _, e := range v {
			pad(depth + 1)
			indent(b, e, depth+1)
			b.WriteString(",\n")
		}
		pad(depth)
		b.WriteByte(']')
	case map[string]any:
		if len(v) == 0 {
			b.WriteString("{}")
			return
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("{\n")
		for _, k := range keys {
			pad(depth + 1)
			b.WriteString(k)
			b.WriteString(": ")
			indent(b, v[k], depth+1)
			b.WriteString(",\n")
		}
		pad(depth)
		b.WriteByte('}')
	case []fsm.MapEntry:
		if len(v) == 0 {
			b.WriteString("map{}")
			return
		}
		b.WriteString("map{\n")
		for _, e := range v {
			pad(depth + 1)
			b.WriteString(fsm.FormatPlain(e.Key))
			b.WriteString(": ")
			indent(b, e.Value, depth+1)
			b.WriteString(",\n")
		}
		pad(depth)
		b.WriteByte('}')
	default:
		b.WriteString(fsm.FormatPlain(v))
	}
}

// Package lib holds helpers for the probes that need another package: types
// that cannot be named outside it, and names that clash with others.
package lib

// thing is unexported; NewThing returns a pointer to one.
type thing struct{ n int }

// NewThing returns an unexported type, as some constructors do.
func NewThing(n int) *thing { return &thing{n: n} }

// Get returns the thing's number.
func (t *thing) Get() int { return t.n }

// Anon is a variable of an anonymous struct type with an unexported field.
var Anon = struct {
	X int
	y int
}{X: 1, y: 2}

// Y returns the unexported field of an Anon-typed value.
func Y(a struct {
	X int
	y int
}) int {
	return a.y
}

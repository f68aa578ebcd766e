// Package layout holds a job whose state layouts the tests pin against
// variants of this file.
package layout

import (
	"context"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var Echo = fsm.NewActivity("layout.echo", func(_ context.Context, x int) (int, error) { return x, nil })

// Inner is nested deep inside what Keep stores.
type Inner struct {
	Code int
}

// Middle holds an Inner.
type Middle struct {
	In   Inner
	Tags []string
}

// Outer holds Middles in a map and through a pointer.
type Outer struct {
	M map[string]Middle
	P *Middle
}

// Node is a recursive type.
type Node struct {
	V    int
	Next *Node
}

//fsmgen:job
func Keep(ctx fsm.Context, o Outer, n *Node) (int, error) {
	x := len(o.M)
	v, err := fsm.Await(ctx, Echo.Call(x))
	if err != nil {
		return 0, err
	}
	total := v
	for k := n; k != nil; k = k.Next {
		total += k.V
	}
	w, err := fsm.Await(ctx, Echo.Call(total))
	return w + x + len(o.M), err
}

package equiv

import (
	. "unicode/utf8"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// DotImport uses names of a dot-imported package around an await: the
// generated file dot-imports it too.
//
//fsmgen:job
func DotImport(ctx fsm.Context, s string) (int, error) {
	n, err := fsm.Await(ctx, Echo.Call(RuneCountInString(s)))
	return n + RuneLen('é'), err
}

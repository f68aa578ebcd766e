package equiv

import (
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// LocalNamedLikePackage declares, after an await, locals named like the
// packages whose names generated code spells (strings, fsm, time).
//
//fsmgen:job
func LocalNamedLikePackage(ctx fsm.Context, s string) (string, error) {
	up := strings.ToUpper(s)
	fsm.Await(ctx, Echo.Call(1))
	strings := []string{up, "x"}
	time := len(strings)
	fsm.Await(ctx, Echo.Call(time))
	return strings[0] + strings[1], nil
}

// Package parent awaits a job of package child through its handle, before
// either package has been generated.
package parent

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/transform/testdata/child"
)

//fsmgen:job
func Parent(ctx fsm.Context, n int) (int, error) {
	return fsm.Await(ctx, fsm.Child(child.OrderJob, n))
}

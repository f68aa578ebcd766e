//go:build !unix

package crash

import "testing"

func TestCrash(t *testing.T) {
	t.Skip("the crash test kills a worker process with SIGKILL and needs the SQLite store's flock: unix only")
}

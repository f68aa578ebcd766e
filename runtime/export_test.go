package fsm

import (
	"reflect"
	"testing"
)

// ReplaceJob registers info in place of the registered job of its name until
// the test ends, as a later build of the program would register it: tests of
// the engine outside the package use it to resume checkpoints written under
// one JobInfo under another.
func ReplaceJob(t testing.TB, info JobInfo) {
	t.Helper()
	if err := info.checkStates(); err != nil {
		t.Fatalf("ReplaceJob(%q): %v", info.Name, err)
	}
	pc := reflect.ValueOf(info.Func).Pointer()
	jobs.Lock()
	oldByName, hadName := jobs.byName[info.Name]
	oldByPC, hadPC := jobs.byPC[pc]
	p := &info
	jobs.byName[info.Name], jobs.byPC[pc] = p, p
	jobs.Unlock()
	t.Cleanup(func() {
		jobs.Lock()
		defer jobs.Unlock()
		if hadName {
			jobs.byName[info.Name] = oldByName
		} else {
			delete(jobs.byName, info.Name)
		}
		if hadPC {
			jobs.byPC[pc] = oldByPC
		} else {
			delete(jobs.byPC, pc)
		}
	})
}

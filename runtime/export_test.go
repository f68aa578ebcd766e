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

// ChildStartLayout is the layout of the start state a child op carries.
func ChildStartLayout(op AnyOp) string { return op.(childOpener).startLayout() }

// OldChildRecord is a child op as builds stored it before child ops kept
// their start state's layout.
func OldChildRecord(t testing.TB, name string, state []byte) []byte {
	t.Helper()
	arg, err := Marshal(struct {
		_     struct{} `cbor:",toarray"`
		State []byte
	}{State: state})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Marshal(opRecord{Kind: opChild, Name: name, Arg: arg})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

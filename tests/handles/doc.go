// Package handles holds jobs of every signature shape, to check the typed
// handles fsmgen generates for them (fsm.Job values): their argument and
// result types, that they start a machine and read its results, and that a job
// of the package can await another through its handle before anything was
// generated.
package handles

//go:generate go run github.com/fsmgen/fsmgen/cmd/fsmgen

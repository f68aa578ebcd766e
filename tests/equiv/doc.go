// Package equiv is the equivalence corpus of fsmgen: small jobs, one or more per
// Go construct the generator has to turn into a state machine, each run by
// fsmtest.Check as plain code and as its generated machine.
//
// The tests pin the exact number of suspensions of every job and its results,
// worked out by hand. Awaits whose results feed an expression go through v (and
// e for the error). Helpers that must run exactly once and in source order write
// to a trace (tr, traceStr); jobs that read the trace reset it on entry. Awaits
// inside map ranges use constant arguments, so that the sequence of ops does not
// depend on the random iteration order.
package equiv

//go:generate go run github.com/fsmgen/fsmgen/cmd/fsmgen

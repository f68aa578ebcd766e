// Package ledger is a package of the fsmgen module, apart from the jobs that
// use it, whose types keep their state in unexported fields.
package ledger

import "strings"

// Ledger is a list of entries with an owner, all unexported.
type Ledger struct {
	owner   string
	entries []Entry
	closed  bool
}

// Entry is one line of a Ledger.
type Entry struct {
	memo  string
	cents int
}

// New returns an open ledger.
func New(owner string) Ledger { return Ledger{owner: owner} }

// Add appends an entry, unless the ledger is closed.
func (l *Ledger) Add(memo string, cents int) {
	if !l.closed {
		l.entries = append(l.entries, Entry{memo, cents})
	}
}

// Close closes the ledger.
func (l *Ledger) Close() { l.closed = true }

// String describes the ledger.
func (l Ledger) String() string {
	var b strings.Builder
	b.WriteString(l.owner)
	total := 0
	for _, e := range l.entries {
		b.WriteString(" " + e.memo)
		total += e.cents
	}
	if l.closed {
		b.WriteString(" (closed)")
	}
	return b.String() + " = " + strings.Repeat("$", total/100)
}

package equiv

import "errors"

var sequenceCases = []jobCase{
	{name: "SeqOne", job: SeqOne, args: in(41), want: out(42, nil), awaits: 1},
	{name: "SeqChain", job: SeqChain, args: in(1), want: out(34, nil), awaits: 3},
	{name: "SeqDiscard", job: SeqDiscard, want: out(5, nil), awaits: 4, records: []string{"a", "b", "c"}},
	{name: "SeqDiscardOnly", job: SeqDiscardOnly, want: out(), awaits: 3, records: []string{"x", "y", "z"}},
	{name: "SeqReassign", job: SeqReassign, args: in(3), want: out(7, nil), awaits: 2},
	{name: "SeqVarDecl", job: SeqVarDecl, want: out(28, nil), awaits: 2},
	{name: "SeqLive", job: SeqLive, args: in(2, 3, 4), want: out("2:24", nil), awaits: 3},
	{name: "SeqTargets", job: SeqTargets, want: out(3456, nil), awaits: 4},
	{name: "SeqOnce", job: SeqOnce, want: out("a,b,c", nil), awaits: 2},
	{name: "SeqRecordOrder", job: SeqRecordOrder, want: out("123", nil), awaits: 3, records: []string{"1", "2", "3"}},
	{name: "SeqStringBuild", job: SeqStringBuild, args: in(42), want: out("x42y", nil), awaits: 3},
	{name: "SeqParamsLive", job: SeqParamsLive, args: in(4, "b"), want: out("50b!", nil), awaits: 2},
}

var resultCases = []jobCase{
	{name: "NoResults", job: NoResults, args: in(7), want: out(), awaits: 1, records: []string{"nores:7"}},
	{name: "NoResultsEarlyReturn/pos", job: NoResultsEarlyReturn, args: in(1), want: out(), awaits: 1, records: []string{"pos"}},
	{name: "NoResultsEarlyReturn/neg", job: NoResultsEarlyReturn, args: in(0), want: out(), awaits: 2, records: []string{"neg", "neg2"}},
	{name: "ManyResults", job: ManyResults, args: in(2), want: out(2, "ss", 0.5, true, []int{2, 4}, nil), awaits: 2},
	{name: "OnlyError", job: OnlyError, args: in("q"), want: out(errors.New("boom: q")), awaits: 1},
	{name: "OnlyErrorNil", job: OnlyErrorNil, want: out(nil), awaits: 1},
	{name: "NoAwaits", job: NoAwaits, args: in(7), want: out(12, nil), awaits: 0},
	{name: "NoAwaitsNoResults", job: NoAwaitsNoResults, want: out(), awaits: 0},
	{name: "ErrHandledLoop", job: ErrHandledLoop, args: in(6), want: out(6, 3, "odd: 5", nil), awaits: 6},
	{name: "ErrReturn", job: ErrReturn, args: in("s"), want: out(0, errors.New("boom: s")), awaits: 1},
	{name: "ErrAfterSuccess", job: ErrAfterSuccess, want: out(1, errors.New("boom: second")), awaits: 2},
	{name: "ErrValueAndError", job: ErrValueAndError, want: out(7, errors.New("boom: v")), awaits: 1},
	{name: "ErrText", job: ErrText, want: out("boom: w|boom: w", nil), awaits: 1},
	{name: "ErrLive", job: ErrLive, want: out("boom: one2", nil), awaits: 2},
	{name: "ErrLiveReturned", job: ErrLiveReturned, want: out(3, errors.New("boom: first")), awaits: 4},
	{name: "ErrInExpr", job: ErrInExpr, want: out("boom: x!", nil), awaits: 1},
	{name: "ErrFirstOf/fails", job: ErrFirstOf, args: in([]int{2, 4, 5, 6}), want: out(6, errors.New("odd: 5")), awaits: 3},
	{name: "ErrFirstOf/ok", job: ErrFirstOf, args: in([]int{2, 4}), want: out(6, nil), awaits: 2},
}

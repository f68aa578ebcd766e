package equiv

var memoryCases = []jobCase{
	{name: "PointerMethodAcrossAwaits", job: PointerMethodAcrossAwaits, want: out(12, nil), awaits: 2},
	{name: "ScanAcrossAwait", job: ScanAcrossAwait, args: in("21"), want: out(42, nil), awaits: 1},
	{name: "AppendAfterAwait", job: AppendAfterAwait, want: out([]int{9}, []int{9, 5}, 4, nil), awaits: 2},
	{name: "PointerNotLive", job: PointerNotLive, want: out(5, nil), awaits: 1},
	{name: "RangeNestedShared", job: RangeNestedShared, args: in([][]int{{1, 2}, {3}}), want: out([][]int{{2, 4}, {4}}, nil), awaits: 3},
	{name: "RangeElementReplaced", job: RangeElementReplaced, args: in([][]int{{1, 2}, {3}}), want: out([][]int{{1, 2}, {3}}, []int{100}, nil), awaits: 2},
	{name: "RangePointers", job: RangePointers, args: in([]*Tally{{N: 1}, {N: 2}}), want: out(13, nil), awaits: 2},
}

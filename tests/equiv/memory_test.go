package equiv

var memoryCases = []jobCase{
	{name: "PointerMethodAcrossAwaits", job: PointerMethodAcrossAwaits, want: out(12, nil), awaits: 2},
	{name: "PointerNotLive", job: PointerNotLive, want: out(5, nil), awaits: 1},
}

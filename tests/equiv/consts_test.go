package equiv

var constCases = []jobCase{
	{name: "LocalConstType", job: LocalConstType, want: out(12, nil), awaits: 1},
	{name: "LocalConstType2", job: LocalConstType2, want: out(5, nil), awaits: 1},
}

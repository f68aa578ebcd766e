package equiv

var dotCases = []jobCase{
	{name: "DotImport", job: DotImport, args: in("héé"), want: out(5, nil), awaits: 1},
}

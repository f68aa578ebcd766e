package equiv

var pkgNameCases = []jobCase{
	{name: "LocalNamedLikePackage", job: LocalNamedLikePackage, args: in("ab"), want: out("ABx", nil), awaits: 2},
}

package probe

var _ = register([]probe{
	{name: "PanicIndexLeft/ok", job: PanicIndexLeft, args: in(1), want: out(3, nil), awaits: 1},
	{name: "PanicIndexLeft/panic", job: PanicIndexLeft, args: in(5), want: out(), awaits: 1},
	{name: "PanicDivLeft/panic", job: PanicDivLeft, args: in(0), want: out(), awaits: 1},
	{name: "PanicNilDerefLeft/panic", job: PanicNilDerefLeft, args: in(true), want: out(), awaits: 1},
	{name: "PanicIndexAssignLeft/panic", job: PanicIndexAssignLeft, args: in(5), want: out(), awaits: 1},
	{name: "PanicNilMapAssign", job: PanicNilMapAssign, want: out(), awaits: 1},
})

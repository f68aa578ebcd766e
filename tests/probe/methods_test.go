package probe

var _ = register([]probe{
	{name: "Counter.Count", job: Counter.Count, args: in(Counter(3), 2), want: out(Counter(9), nil), awaits: 3},
	{name: "Counter.Named", job: Counter.Named, args: in(Counter(3), 4), want: out(10, nil), awaits: 1},
	{name: "Counter.Blank", job: Counter.Blank, args: in(Counter(0), 1, 2, "x"), want: out(2, nil), awaits: 1},
	{name: "Counter.SelfPtrMethod", job: Counter.SelfPtrMethod, args: in(Counter(5)), want: out(Counter(7), nil), awaits: 2},
	{name: "Cart.Total", job: Cart.Total, args: in(Cart{Owner: "o", Lines: []int{1, 2}}, 10, 20), want: out(36, Cart{Owner: "o!", Lines: []int{2, 4, 36}}, nil), awaits: 4},
	{name: "Cart.Total/novariadic", job: Cart.Total, args: in(Cart{Owner: "o", Lines: []int{1}}), want: out(2, Cart{Owner: "o!", Lines: []int{2, 2}}, nil), awaits: 1},
	{name: "Variadic", job: Variadic, args: in("a", "b"), want: out("AB", 3, nil), awaits: 2},
	{name: "Variadic/none", job: Variadic, want: out("", 1, nil), awaits: 0},
	{name: "PtrMethodOnLocal", job: PtrMethodOnLocal, want: out(6, nil), awaits: 3},
	{name: "MethodExprUse", job: MethodExprUse, want: out(4, nil), awaits: 2},
})

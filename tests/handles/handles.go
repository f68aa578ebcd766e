package handles

import (
	"context"
	"errors"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Order is the one argument of Checkout.
type Order struct {
	ID    string
	Cents int
}

// Receipt is the result of Checkout.
type Receipt struct {
	Order  string
	Charge string
}

var (
	// Charge returns a charge id for an amount.
	Charge = fsm.NewActivity("handles.charge", func(_ context.Context, cents int) (string, error) {
		if cents <= 0 {
			return "", errors.New("nothing to charge")
		}
		return "ch-" + strings.Repeat("x", cents%5), nil
	})
	// Echo returns its argument.
	Echo = fsm.NewActivity("handles.echo", func(_ context.Context, x int) (int, error) { return x, nil })
)

// NoParams takes nothing after the Context: its handle's A is struct{}.
//
//fsmgen:job
func NoParams(ctx fsm.Context) (int, error) {
	return fsm.Await(ctx, Echo.Call(7))
}

// Checkout takes one parameter: A is its type.
//
//fsmgen:job
func Checkout(ctx fsm.Context, order Order) (Receipt, error) {
	id, err := fsm.Await(ctx, Charge.Call(order.Cents))
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{Order: order.ID, Charge: id}, nil
}

// Split takes several parameters, the last variadic: A is SplitArgs.
//
//fsmgen:job
func Split(ctx fsm.Context, sep string, limit int, words ...string) (string, error) {
	n, err := fsm.Await(ctx, Echo.Call(limit))
	if err != nil {
		return "", err
	}
	if n < len(words) {
		words = words[:n]
	}
	return strings.Join(words, sep), nil
}

// Nothing returns nothing: R is struct{}.
//
//fsmgen:job
func Nothing(ctx fsm.Context, x int) {
	fsm.Await(ctx, Echo.Call(x))
}

// ErrOnly returns only an error: R is struct{}, and the handle gives the
// error.
//
//fsmgen:job
func ErrOnly(ctx fsm.Context, cents int) error {
	_, err := fsm.Await(ctx, Charge.Call(cents))
	return err
}

// NoError returns one value and no error.
//
//fsmgen:job
func NoError(ctx fsm.Context, x int) int {
	v, _ := fsm.Await(ctx, Echo.Call(x))
	return v * 2
}

// Stats returns several named values and an error: R is StatsResults, with a
// field per named result.
//
//fsmgen:job
func Stats(ctx fsm.Context, xs []int) (sum int, label string, err error) {
	for _, x := range xs {
		v, err := fsm.Await(ctx, Echo.Call(x))
		if err != nil {
			return 0, "", err
		}
		sum += v
	}
	return sum, "n=" + strings.Repeat("|", len(xs)), nil
}

// Pair returns two unnamed values and no error: R is PairResults, fields R0
// and R1.
//
//fsmgen:job
func Pair(ctx fsm.Context, x int) (int, string) {
	v, _ := fsm.Await(ctx, Echo.Call(x))
	return v, strings.Repeat("a", v)
}

// Cart is the receiver of method jobs.
type Cart struct {
	Items []int
}

// Total is a method job with a parameter: A is CartTotalArgs, the receiver
// first.
//
//fsmgen:job
func (c Cart) Total(ctx fsm.Context, discount int) (int, error) {
	total := 0
	for _, it := range c.Items {
		v, err := fsm.Await(ctx, Echo.Call(it))
		if err != nil {
			return 0, err
		}
		total += v
	}
	return total - discount, nil
}

// Size is a method job without parameters: A is Cart.
//
//fsmgen:job
func (c Cart) Size(ctx fsm.Context) (int, error) {
	return fsm.Await(ctx, Echo.Call(len(c.Items)))
}

// Empty has an unnamed receiver, whose field in CartEmptyArgs is named after
// its type.
//
//fsmgen:job
func (Cart) Empty(ctx fsm.Context, x int) (bool, error) {
	v, err := fsm.Await(ctx, Echo.Call(x))
	return v == 0, err
}

// Parent awaits Checkout as a child job, through its handle: the package
// refers to a generated name, and must generate all the same.
//
//fsmgen:job
func Parent(ctx fsm.Context, order Order) (string, error) {
	r, err := fsm.Await(ctx, fsm.Child(CheckoutJob, order))
	if err != nil {
		return "", err
	}
	return r.Order + "/" + r.Charge, nil
}

// Zip is a generic job with two type parameters and more than one result:
// its handle is the function ZipJob[K, V](), with A ZipArgs[K, V] and R
// ZipResults[K, V].
//
//fsmgen:job
func Zip[K comparable, V any](ctx fsm.Context, keys []K, vals []V) (m map[K]V, extra int, err error) {
	m = map[K]V{}
	for i, k := range keys {
		if _, err := fsm.Await(ctx, Echo.Call(i)); err != nil {
			return nil, 0, err
		}
		if i < len(vals) {
			m[k] = vals[i]
		}
	}
	return m, len(vals) - len(keys), nil
}

// First is a generic job of one parameter and one result: A is []T, R is T.
//
//fsmgen:job
func First[T any](ctx fsm.Context, xs []T) (T, error) {
	n, err := fsm.Await(ctx, Echo.Call(len(xs)))
	if err != nil || n == 0 {
		var zero T
		return zero, err
	}
	return xs[0], nil
}

// Bag is a generic type with a method job: its handle is BagCountJob[T](),
// with the receiver first in BagCountArgs[T].
type Bag[T any] struct{ Items []T }

//fsmgen:job
func (b Bag[T]) Count(ctx fsm.Context, extra int) (int, error) {
	return fsm.Await(ctx, Echo.Call(len(b.Items)+extra))
}

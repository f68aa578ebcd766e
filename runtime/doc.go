// Package fsm is the runtime that jobs written for fsmgen import.
//
// A job is an ordinary Go function marked with the directive //fsmgen:job whose
// first parameter is a Context:
//
//	var Charge = fsm.NewActivity("payments.charge",
//		func(ctx context.Context, req ChargeRequest) (Receipt, error) { ... })
//
//	//fsmgen:job
//	func Checkout(ctx fsm.Context, order Order) (Receipt, error) {
//		r, err := fsm.Await(ctx, Charge.Call(ChargeRequest{Order: order.ID}))
//		...
//	}
//
// Await is the only suspension point. Called with a direct context (see Direct),
// Await runs its op inline, so the job can be tested and debugged as plain code.
// The fsmgen command turns the same function into a Machine: a value that stops at
// every Await, can be encoded to bytes with its live variables, decoded in another
// process, and resumed from there.
//
// The encoding of stored values is CBOR (RFC 8949) in one fixed mode; see Marshal.
package fsm

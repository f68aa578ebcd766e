# fsmgen: `make demo` runs the demo, `make test` every test, `make bench` the
# side-by-side comparison with River and go-workflows (bench/), `make bench-go`
# the module's own Go benchmarks.
# Everything needed is fetched through the Go module proxy at pinned versions.

GO ?= go
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: demo test bench bench-check bench-go generate lint fmt-check

demo:
	$(GO) run ./examples/orders/cmd/demo

test: fmt-check
	$(GO) mod download
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -race ./runtime/... ./tests/engine
	$(MAKE) bench-check

# bench-check vets the comparison harness and runs it once, small, so that it
# stays working (its figures are meaningless at this size).
bench-check:
	cd bench && $(GO) mod download && $(GO) vet ./... && \
		$(GO) run . -runs 1 -jobs 20 -steps 3 -gowf-jobs 5 >/dev/null

bench:
	cd bench && $(GO) run . -svg ../docs/benchmarks.svg

bench-go:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

# generate regenerates every committed generated file from its source.
generate:
	$(GO) run ./cmd/fsmgen ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v /testdata/)); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

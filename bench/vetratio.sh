#!/bin/sh
# vetratio.sh times fsmgen and go vet on the same package, side by side,
# alternating them round after round, and prints the ratio of their medians
# (the target of issue 6: fsmgen ≤ 1.5 × go vet).
#
# Usage, from the repository root or anywhere:
#
#	bench/vetratio.sh [package directory, relative to the root] [rounds]
#
# (default examples/orders and 11 rounds). The package's non-test files are
# copied into a temporary module that requires this one, so that fsmgen can
# write its files there and nothing in the working tree changes. Each round
# first adds a file of a new comment to the copy: go vet caches its results by
# the package's contents, and a changed package is what a developer vets after
# an edit (its dependencies stay cached, for both tools). Both run with a warm
# build cache; fsmgen is a built binary, as `go vet` uses a built vet tool.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-examples/orders}
rounds=${2:-11}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir -p "$tmp/m/p"
for f in "$root/$src"/*.go; do
	case "$f" in *_test.go) ;; *) cp "$f" "$tmp/m/p/" ;; esac
done
pkg=$(sed -n 's/^package \([A-Za-z0-9_]*\).*/\1/p' "$tmp/m/p/"*.go | head -n 1)
goversion=$(sed -n 's/^go //p' "$root/go.mod")
cat >"$tmp/m/go.mod" <<EOF
module fsmvetratio

go $goversion

require github.com/fsmgen/fsmgen v0.0.0

replace github.com/fsmgen/fsmgen => $root
EOF
cp "$root/go.sum" "$tmp/m/go.sum"
(cd "$root" && go build -o "$tmp/fsmgen" ./cmd/fsmgen)

cd "$tmp/m"
go mod tidy >/dev/null 2>&1 || true

now() { date +%s%N; }
edit() { printf 'package %s\n\n// round %s\n' "$pkg" "$1" >p/zz_round.go; }
gen() { "$tmp/fsmgen" ./p; }
vet() { go vet ./p; }

# Warm up: the dependencies' export data and vet facts are built once.
edit warmup
gen
vet

: >"$tmp/gen.txt"
: >"$tmp/vet.txt"
r=1
while [ "$r" -le "$rounds" ]; do
	edit "$r"
	if [ $((r % 2)) -eq 1 ]; then
		t0=$(now); gen; t1=$(now); vet; t2=$(now)
		echo $((t1 - t0)) >>"$tmp/gen.txt"
		echo $((t2 - t1)) >>"$tmp/vet.txt"
	else
		t0=$(now); vet; t1=$(now); gen; t2=$(now)
		echo $((t1 - t0)) >>"$tmp/vet.txt"
		echo $((t2 - t1)) >>"$tmp/gen.txt"
	fi
	r=$((r + 1))
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -n "$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f–%.0f ms", lo / 1e6, hi / 1e6 }'; }
g=$(median "$tmp/gen.txt")
v=$(median "$tmp/vet.txt")
echo "package $src, $rounds rounds alternating, a changed package each round"
echo "fsmgen:  median $(awk -v x="$g" 'BEGIN { printf "%.0f ms", x / 1e6 }') ($(range "$tmp/gen.txt"))"
echo "go vet:  median $(awk -v x="$v" 'BEGIN { printf "%.0f ms", x / 1e6 }') ($(range "$tmp/vet.txt"))"
awk -v g="$g" -v v="$v" 'BEGIN { printf "ratio fsmgen / go vet: %.2f× (target ≤ 1.5×)\n", g / v }'

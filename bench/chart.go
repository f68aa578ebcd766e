package main

import (
	"fmt"
	"html"
	"math"
	"os"
	"strings"
)

// writeChart writes a horizontal bar chart of each system's median, on a
// logarithmic scale (the systems differ by orders of magnitude), with its
// range as a line.
func writeChart(path string, systems []system, results [][]float64) error {
	const (
		left, right, top, bar, gap = 190, 120, 40, 22, 8
		width                      = 820
	)
	hi := 1.0
	for _, r := range results {
		for _, v := range r {
			hi = max(hi, v)
		}
	}
	decades := math.Ceil(math.Log10(hi))
	plot := float64(width - left - right)
	x := func(v float64) float64 {
		if v < 1 {
			v = 1
		}
		return left + plot*math.Log10(v)/decades
	}
	height := top + len(systems)*(bar+gap) + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%d" y="20" font-size="14">Durable sequential steps per second (median of rounds; log scale)</text>`+"\n", left)
	for d := 0.0; d <= decades; d++ {
		px := left + plot*d/decades
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>`+"\n", px, top-5, px, height-30)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>`+"\n", px, height-15, html.EscapeString(fmt.Sprintf("%.0f", math.Pow(10, d))))
	}
	for i, s := range systems {
		y := top + i*(bar+gap)
		m := median(results[i])
		color := "#8da0cb"
		switch {
		case strings.HasPrefix(s.name, "fsmgen"):
			color = "#1b9e77"
		case strings.HasPrefix(s.name, "sqlite-ceiling"):
			color = "#bbbbbb"
		}
		lo, up := results[i][0], results[i][0]
		for _, v := range results[i] {
			lo, up = min(lo, v), max(up, v)
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", left-8, y+bar/2+4, html.EscapeString(s.name))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", left, y, x(m)-left, bar, color)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="black"/>`+"\n", x(lo), y+bar/2, x(up), y+bar/2)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d">%s</text>`+"\n", x(up)+6, y+bar/2+4, html.EscapeString(fmt.Sprintf("%.0f %s", m, s.unit)))
	}
	b.WriteString("</svg>\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

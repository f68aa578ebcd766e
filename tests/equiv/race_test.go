//go:build race

package equiv

// The race detector slows the machine down several times.
const raceSlowdown = 10

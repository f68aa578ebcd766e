//go:build !race

package equiv

const raceSlowdown = 1

package equiv

import "testing"

// TestDirect runs every job as the plain function it is, under a direct context,
// and checks the hand-worked results and await counts. It needs no generated
// code, so it also checks the corpus itself.
func TestDirect(t *testing.T) {
	for _, c := range allCases() {
		t.Run(c.name, func(t *testing.T) {
			resetRecords()
			got, awaits := runDirect(t, c.job, cloneArgs(c.args))
			if awaits != c.awaits {
				t.Errorf("%s: %d awaits, want %d", describe(c), awaits, c.awaits)
			}
			checkValues(t, got, c.want)
			roundTripValues(t, got)
			checkRecords(t, c, 1)
		})
	}
}

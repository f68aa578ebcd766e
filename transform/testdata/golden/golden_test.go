package golden

import "testing"

func TestRetry(t *testing.T) {
	_ = Retry[int]
	t.Skip("only here to instantiate Retry for the golden files")
}

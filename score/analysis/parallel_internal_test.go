package analysis

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/tenderscore/tenderscore/internal/carry"
)

// TestGoroutinesCarryPanics: a panic on a goroutine the analyses started —
// a bug, never an input — reaches the goroutine that called them, where an
// importer's recover sees it, rather than stopping the process.
func TestGoroutinesCarryPanics(t *testing.T) {
	prev := runtime.GOMAXPROCS(2) // so that the work is spread
	defer runtime.GOMAXPROCS(prev)
	rapid.Check(t, func(rt *rapid.T) {
		tn, bids := refAdjusted(rt)
		f, err := newField(tn, "L1", bids)
		require.NoError(rt, err)
		carried(rt, "spread", func() {
			f.spread(8, nil, func(_ *field, i int) {
				if i == 3 {
					panic("spread")
				}
			})
		})
		carried(rt, "beside", func() { f.spread(8, func(*field) { panic("beside") }, func(*field, int) {}) })
	})
}

// carried fails unless run panics with a *carry.Panic of the value want.
func carried(t *rapid.T, want string, run func()) {
	got := func() (r any) {
		defer func() { r = recover() }()
		run()
		return nil
	}()
	p, ok := got.(*carry.Panic)
	require.True(t, ok, "%s: recovered %T %v, want a *carry.Panic", want, got, got)
	require.Equal(t, want, p.Value)
}

package carry_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tenderscore/tenderscore/internal/carry"
)

// TestPanicReachesTheWaiter: of two goroutines that panic, the first
// caught reaches the goroutine that waits, with its value and its stack;
// one that does not panic leaves nothing to rethrow.
func TestPanicReachesTheWaiter(t *testing.T) {
	var c carry.Catcher
	var wg sync.WaitGroup
	boom := errors.New("boom")
	first := make(chan struct{})
	wg.Add(2)
	go func() {
		defer wg.Done()
		defer close(first)
		defer c.Catch()
		panic(boom)
	}()
	go func() {
		defer wg.Done()
		<-first // caught second
		defer c.Catch()
		panic("second")
	}()
	wg.Wait()
	got := func() (r any) {
		defer func() { r = recover() }()
		c.Rethrow()
		return nil
	}()
	p, ok := got.(*carry.Panic)
	require.True(t, ok, "rethrown as a *carry.Panic, got %T", got)
	assert.Equal(t, boom, p.Value)
	assert.ErrorIs(t, p, boom)
	assert.Contains(t, p.Error(), "boom")
	assert.Contains(t, string(p.Stack), "carry_test.go", "the stack of the goroutine that panicked")

	var quiet carry.Catcher
	func() { defer quiet.Catch() }()
	assert.NotPanics(t, quiet.Rethrow)
}

package carry

import (
	"fmt"
	"runtime/debug"
	"sync"
)

// Panic is a panic raised on a goroutine the library started: the value
// it was raised with and that goroutine's stack then.
type Panic struct {
	Value any
	Stack []byte
}

// Error says what panicked and where.
func (p *Panic) Error() string {
	return fmt.Sprintf("panic on a worker goroutine: %v\n\n%s", p.Value, p.Stack)
}

// Unwrap returns the value the goroutine panicked with, when it was an
// error.
func (p *Panic) Unwrap() error {
	err, _ := p.Value.(error)
	return err
}

// Catcher keeps the first panic of the goroutines that defer its Catch.
// The zero value is ready to use.
type Catcher struct {
	mu    sync.Mutex
	first *Panic
}

// Catch recovers a panic and keeps it, the first only; defer it at the
// top of each goroutine's function.
func (c *Catcher) Catch() {
	if r := recover(); r != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.first == nil {
			c.first = &Panic{Value: r, Stack: debug.Stack()}
		}
	}
}

// Rethrow panics again, on the calling goroutine, with the first panic
// caught (a *Panic); call it once every goroutine has finished.
func (c *Catcher) Rethrow() {
	c.mu.Lock()
	p := c.first
	c.mu.Unlock()
	if p != nil {
		panic(p)
	}
}

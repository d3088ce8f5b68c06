package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Progress goes to standard error only when it is a terminal, where a
// person is waiting: a bar for the analyses, which can take a while, and a
// line for each stage of reading. When standard error is a file or a pipe
// (a portal, a CI log) nothing is written but problems and results, so
// that logs hold only what matters. --quiet silences it on a terminal too.

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress reports a stage on a terminal, unless asked to be quiet.
func (e *env) progress(format string, args ...any) {
	if e.terminal && !e.quiet {
		fmt.Fprintf(e.stderr, "tenderscore: "+format+"\n", args...)
	}
}

// inform reports what the command did (a file written) on standard error,
// wherever it goes, unless asked to be quiet.
func (e *env) inform(format string, args ...any) {
	if !e.quiet {
		fmt.Fprintf(e.stderr, "tenderscore: "+format+"\n", args...)
	}
}

// bar is a progress bar on one line of a terminal:
//
//	tenderscore: analysing lots [##########··········] 2 of 4
type bar struct {
	e           *env
	label       string
	done, total int
	shown       bool
}

const barWidth = 20

// bar starts a bar of total steps; it draws nothing off a terminal, under
// --quiet, or for a single step.
func (e *env) bar(label string, total int) *bar {
	b := &bar{e: e, label: label, total: total}
	b.draw()
	return b
}

func (b *bar) on() bool { return b.e.terminal && !b.e.quiet && b.total > 1 }

// step marks one step done.
func (b *bar) step() {
	b.done = min(b.done+1, b.total)
	b.draw()
}

func (b *bar) draw() {
	if !b.on() {
		return
	}
	filled := barWidth * b.done / b.total
	fmt.Fprintf(b.e.stderr, "\rtenderscore: %s [%s%s] %d of %d", b.label, strings.Repeat("#", filled), strings.Repeat("·", barWidth-filled), b.done, b.total)
	b.shown = true
}

// finish clears the bar's line.
func (b *bar) finish() {
	if b.shown {
		fmt.Fprintf(b.e.stderr, "\r%s\r", strings.Repeat(" ", len("tenderscore: ")+len(b.label)+barWidth+len(fmt.Sprintf(" [] %d of %d", b.total, b.total))+1))
	}
}

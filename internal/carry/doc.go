// Package carry brings a panic from a goroutine the library started to
// the goroutine that waits for it, so that an importer's recover — a web
// handler's, say — sees it as it would a panic in its own call, rather
// than the whole process stopping. The engine is meant never to panic on
// any input; this is for the bug that would.
//
// It owns nothing else: which work runs on which goroutine is the callers'
// (package score's chunks and each, validation's checks across bids, the
// analyses' spread).
package carry

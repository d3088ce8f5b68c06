// Command croydon evaluates a London borough's five-lot IT tender — service
// desk, end-user and desktop support, networks and hosting, telephony, and
// print — and prints each lot's ranking and every bid's explanation.
//
//	go run ./examples/croydon
//
// The council is real; the tender reference, figures, marks and every
// supplier are fictional.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "croydon:", err)
		os.Exit(1)
	}
}

// run evaluates the tender and writes the report to w.
func run(w io.Writer) error {
	res, err := score.Evaluate(tender(), bids())
	if err != nil {
		return err
	}
	return report.Text(w, res)
}

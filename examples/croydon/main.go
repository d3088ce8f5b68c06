// Command croydon evaluates a London borough's five-lot IT tender — service
// desk, end-user and desktop support, networks and hosting, telephony, and
// print. It first checks the evaluation model against the law and each
// lot's framework and prints the findings; then it scores every lot and
// prints each lot's ranking and every bid's explanation.
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

	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/report"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "croydon:", err)
		os.Exit(1)
	}
}

// run checks the model, evaluates the tender and writes both to w. An error
// finding stops the run before any bid is scored.
func run(w io.Writer) error {
	t := tender()
	findings, err := frameworks.Check(t, frameworks.WithPolicies(frameworks.CroydonSocialValue()), frameworks.WithBids(bids()))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Checks of the evaluation model before scoring\n\n%s\n\n", findings)
	if findings.HasErrors() {
		return fmt.Errorf("the evaluation model has errors: fix them before scoring")
	}
	res, err := score.Evaluate(t, bids())
	if err != nil {
		return err
	}
	return report.Text(w, res)
}

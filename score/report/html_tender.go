package report

import (
	"fmt"
	"strings"
)

// tenderView is one tender's assessment as the tender template draws it,
// in the authority's report and in a bidder's summary alike.
type tenderView struct {
	// Disqualified is "Disqualified. reasons", or "" for a tender still in.
	Disqualified string
	Gates        []gateView
	Lines        []lineView
	// Total is "Total for your tender: 86.60", with its working; NoTotal
	// says why there is none.
	Total        string
	TotalWorking []string
	NoTotal      string
}

// gateView is one pass/fail decision.
type gateView struct {
	Text string
	Fail bool
}

// lineView is one criterion's line, headed at Level (3 to 6), with its
// working and its sub-criteria.
type lineView struct {
	Level    int
	Heading  string
	Items    []string
	Children []lineView
}

// tenderOf builds the view of one tender; whose names it in the total
// ("your tender", "this tender").
func tenderOf(t AssessedTender, whose string) tenderView {
	var v tenderView
	if len(t.Disqualified) > 0 {
		v.Disqualified = outWord(t) + ". " + strings.Join(t.Disqualified, " ")
	}
	for _, g := range t.Gates {
		v.Gates = append(v.Gates, gateView{Text: g.Text, Fail: !g.Pass})
	}
	for _, l := range t.Criteria {
		v.Lines = append(v.Lines, lineOf(l, 3))
	}
	if t.Total != nil {
		v.Total = fmt.Sprintf("%s for %s: %s", t.TotalLabel, whose, t.Total)
		v.TotalWorking = t.TotalWorking
	} else {
		v.NoTotal = fmt.Sprintf("No total was formed: the tender was %s before it could be fully scored.", strings.ToLower(outWord(t)))
	}
	return v
}

// lineOf builds the view of one line and its children, the children a
// level below.
func lineOf(l AssessedLine, level int) lineView {
	v := lineView{Level: min(level, 6), Heading: lineHeading(l)}
	if l.Input != "" {
		v.Items = append(v.Items, "Response assessed: "+l.Input)
	}
	v.Items = append(v.Items, l.Working...)
	for _, r := range l.Rationale {
		v.Items = append(v.Items, "Evaluators' reasons: "+r)
	}
	for _, n := range l.Notes {
		v.Items = append(v.Items, "Note: "+n)
	}
	for _, c := range l.Children {
		v.Children = append(v.Children, lineOf(c, level+1))
	}
	return v
}

package score

import (
	"fmt"
	"strings"

	"github.com/tenderscore/tenderscore/date"
)

// Evaluation is the record of how the evaluation was run, for the
// authority's report and for dating what bidders are sent: who evaluated,
// the conflicts of interest each declared, and when the evaluation was
// completed and reported. Every field is optional; what is given is
// checked.
type Evaluation struct {
	// Panel lists the evaluators, each with the conflicts of interest they
	// declared. The authority must take all reasonable steps to identify
	// conflicts of interest of anyone acting for it in the procurement and
	// mitigate them (Procurement Act 2023 ss.81–82; PCR 2015 reg 24). When a
	// panel is given, every evaluator named in the marks must be on it.
	Panel []Evaluator `json:"panel,omitempty"`
	// Completed is the day the evaluation, moderation included, was
	// completed. Nothing sent to bidders may be dated before it.
	Completed date.Date `json:"completed,omitempty"`
	// Reported is the date of the authority's evaluation report; not before
	// Completed.
	Reported date.Date `json:"reported,omitempty"`
}

// Evaluator is one member of the evaluation panel.
type Evaluator struct {
	// Name is how the marks name the evaluator ("Evaluator A").
	Name string `json:"name"`
	// Role is the evaluator's role ("Head of IT service delivery").
	Role string `json:"role,omitempty"`
	// Conflicts is what the evaluator declared about conflicts of interest:
	// "none", or the interest and how it is mitigated; required for each
	// member of the panel.
	Conflicts string `json:"conflicts"`
}

// evaluationRecord checks the panel and dates, and that every evaluator
// named in the bids' marks is on the panel when one is given.
func (v *validation) evaluationRecord(t Tender, bids []Bid) {
	e := t.Evaluation
	if e == nil {
		return
	}
	onPanel := map[string]bool{}
	for i, m := range e.Panel {
		path := fmt.Sprintf("evaluation.panel[%d]", i)
		name := strings.TrimSpace(m.Name)
		switch {
		case name == "":
			v.add(path+".name", "", "required", "an evaluator needs the name the marks use")
		case onPanel[name]:
			v.add(path+".name", m.Name, "unique", "this evaluator is already on the panel")
		}
		onPanel[name] = true
		if strings.TrimSpace(m.Conflicts) == "" {
			v.add(path+".conflicts", "", "required", "record what the evaluator declared about conflicts of interest (\"none\", or the interest and its mitigation): Procurement Act 2023 ss.81–82")
		}
	}
	if !e.Completed.IsZero() && !e.Reported.IsZero() && e.Reported.Before(e.Completed) {
		v.add("evaluation.reported", e.Reported.String(), "after-completed", "the report is dated before the evaluation was completed (%s)", e.Completed)
	}
	if len(e.Panel) == 0 {
		return
	}
	reported := map[string]bool{}
	for i, b := range bids {
		for _, k := range sortedKeys(b.Responses) {
			r := b.Responses[k]
			ms := r.Marks.Evaluators
			if r.SocialValue.MethodStatement != nil {
				ms = append(ms, r.SocialValue.MethodStatement.Evaluators...)
			}
			for j, m := range ms {
				if n := strings.TrimSpace(m.Evaluator); n != "" && !onPanel[n] && !reported[n] {
					reported[n] = true
					v.add(fmt.Sprintf("bids[%d].responses[%s].marks.evaluators[%d].evaluator", i, k, j), m.Evaluator, "on-panel",
						"the evaluation panel (evaluation.panel) does not list this evaluator: add them with their declared conflicts of interest")
				}
			}
		}
	}
}

package frameworks

import (
	"fmt"
	"strings"
)

// Finding is one thing Check found: how serious it is, a stable code for
// the rule (see the table in the package documentation), where it is, a
// message naming the lot and criterion, and the source of the rule.
type Finding struct {
	Severity Severity `json:"severity"`
	// Code identifies the rule and outcome ("location-above-threshold");
	// codes are stable across releases.
	Code string `json:"code"`
	// Lot is the id of the lot concerned; empty for the whole tender.
	Lot string `json:"lot,omitempty"`
	// Criterion is the id of the criterion concerned, if any.
	Criterion string `json:"criterion,omitempty"`
	// Field is the path of the field concerned in the tender
	// ("lots[1].policy.criteria[2]"), if any.
	Field string `json:"field,omitempty"`
	// Message says what is wrong or what was found, naming the lot and
	// criterion.
	Message string `json:"message"`
	// Source is the law, policy note or framework document the rule rests on.
	Source Source `json:"source"`
}

// String renders the finding on two lines: severity, code and message, then
// the source.
func (f Finding) String() string {
	return fmt.Sprintf("%s %s: %s\n  source: %s", f.Severity, f.Code, f.Message, f.Source)
}

// Findings are the results of one Check, in a fixed order: tender-wide
// findings first, then each lot's in the tender's lot order, each lot's in
// the order of the rules.
type Findings []Finding

// Count returns how many findings have the given severity.
func (fs Findings) Count(s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool { return fs.Count(Error) > 0 }

// WithCode returns the findings with the given code.
func (fs Findings) WithCode(code string) Findings {
	var out Findings
	for _, f := range fs {
		if f.Code == code {
			out = append(out, f)
		}
	}
	return out
}

// ForLot returns the findings about one lot (by lot id); "" gives the
// tender-wide ones.
func (fs Findings) ForLot(id string) Findings {
	var out Findings
	for _, f := range fs {
		if f.Lot == id {
			out = append(out, f)
		}
	}
	return out
}

// AtLeast returns the findings at or above a severity.
func (fs Findings) AtLeast(s Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity >= s {
			out = append(out, f)
		}
	}
	return out
}

// String renders a count line ("2 errors, 1 warning, 3 notes") and then
// every finding.
func (fs Findings) String() string {
	var b strings.Builder
	b.WriteString(fs.Summary())
	for _, f := range fs {
		b.WriteString("\n")
		b.WriteString(f.String())
	}
	return b.String()
}

// Summary counts the findings by severity: "2 errors, 1 warning, 3 notes".
func (fs Findings) Summary() string {
	return fmt.Sprintf("%s, %s, %s",
		plural(fs.Count(Error), "error"), plural(fs.Count(Warning), "warning"), plural(fs.Count(Note), "note"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
